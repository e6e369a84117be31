#pragma once

#include <QColor>

class QPalette;

namespace capstan::ui {

// The diff's colours, blended from the widget's palette so a dark palette
// gets dark backgrounds with the same meaning.
struct DiffColors
{
    QColor base; // unchanged lines
    QColor text;
    QColor added; // a line only the right side has, or the right half of a changed line
    QColor addedWord;
    QColor removed;
    QColor removedWord;
    QColor filler; // the side that has no line
    QColor fillerHatch;
    QColor gutter;
    QColor lineNumber;
    QColor fold; // the row standing for folded unchanged lines
    QColor current; // marks the current change

    static DiffColors fromPalette(const QPalette &palette);
};

} // namespace capstan::ui
