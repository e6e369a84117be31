#include "diff/diffcolors.h"

#include <QPalette>

namespace capstan::ui {

namespace {

QColor blend(const QColor &under, const QColor &over, double amount)
{
    // 8 bits a channel, as painted pixels have, so a colour compares equal to its pixels.
    const auto mix = [amount](int a, int b) {
        return qRound(a * (1 - amount) + b * amount);
    };
    return QColor(mix(under.red(), over.red()), mix(under.green(), over.green()), mix(under.blue(), over.blue()));
}

} // namespace

DiffColors DiffColors::fromPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightness() < 128;
    // Green and red as diff tools use them; a dark base needs more of them to show.
    const QColor green(0x2e, 0xa0, 0x43);
    const QColor red(0xd7, 0x3a, 0x49);
    const double line = dark ? 0.28 : 0.16;
    const double word = dark ? 0.55 : 0.38;

    DiffColors c;
    c.base = base;
    c.text = text;
    c.added = blend(base, green, line);
    c.addedWord = blend(base, green, word);
    c.removed = blend(base, red, line);
    c.removedWord = blend(base, red, word);
    c.filler = blend(base, text, 0.05);
    c.fillerHatch = blend(base, text, 0.14);
    c.gutter = blend(base, text, 0.04);
    c.lineNumber = blend(base, text, 0.5);
    c.fold = blend(base, palette.color(QPalette::Highlight), 0.12);
    c.current = palette.color(QPalette::Highlight);
    return c;
}

} // namespace capstan::ui
