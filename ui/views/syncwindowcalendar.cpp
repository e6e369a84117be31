#include "views/syncwindowcalendar.h"

#include "models/statusstyle.h"

#include <QLocale>
#include <QPainter>

namespace capstan::ui {

namespace {

constexpr int kDays = 7;
constexpr int kHeader = 22;
constexpr int kHourLabels = 44;
constexpr int kLegend = 22;

} // namespace

SyncWindowCalendar::SyncWindowCalendar(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Sync-window calendar"));
    setFocusPolicy(Qt::StrongFocus);
}

void SyncWindowCalendar::setWindows(std::vector<argo::SyncWindow> windows, const QDateTime &now)
{
    m_windows = std::move(windows);
    m_now = now.toLocalTime();
    m_from = QDateTime(m_now.date(), QTime(0, 0), m_now.timeZone());
    m_occurrences = argo::windowOccurrences(m_windows, m_from, m_from.addDays(kDays));
    QStringList described;
    for (const argo::SyncWindowOccurrence &o : m_occurrences)
        described << tr("%1 %2 – %3")
                         .arg(m_windows[o.window].kind == argo::SyncWindowKind::Allow ? tr("allow") : tr("deny"),
                              QLocale().toString(o.start.toLocalTime(), QLocale::ShortFormat),
                              QLocale().toString(o.end.toLocalTime(), QLocale::ShortFormat));
    setAccessibleDescription(described.join(QStringLiteral("; ")));
    update();
}

QSize SyncWindowCalendar::sizeHint() const
{
    return {760, 520};
}

QSize SyncWindowCalendar::minimumSizeHint() const
{
    return {420, 300};
}

QRectF SyncWindowCalendar::dayArea(int day) const
{
    const qreal columnWidth = qreal(width() - kHourLabels - 4) / kDays;
    return {kHourLabels + day * columnWidth, qreal(kHeader), columnWidth, qreal(height() - kHeader - kLegend)};
}

QColor SyncWindowCalendar::colorOf(const argo::SyncWindow &window) const
{
    if (window.kind == argo::SyncWindowKind::Allow)
        return windowColor(argo::SyncWindowState::Allowed, palette());
    return windowColor(window.manualSync ? argo::SyncWindowState::ManualOnly : argo::SyncWindowState::Denied,
                       palette());
}

void SyncWindowCalendar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QFontMetrics metrics = fontMetrics();
    const QColor grid = pal.color(QPalette::Mid);
    const QColor text = pal.color(QPalette::Text);
    if (!m_from.isValid())
        return;

    // Hours down the left, every three hours.
    const QRectF first = dayArea(0);
    p.setPen(text);
    for (int hour = 0; hour <= 24; hour += 3) {
        const qreal y = first.top() + first.height() * hour / 24.0;
        p.setPen(grid);
        p.drawLine(QPointF(kHourLabels - 4, y), QPointF(width() - 4, y));
        p.setPen(text);
        p.drawText(QRectF(0, y - metrics.height() / 2.0, kHourLabels - 8, metrics.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0')));
    }

    for (int day = 0; day < kDays; ++day) {
        const QRectF area = dayArea(day);
        const QDateTime dayStart = m_from.addDays(day);
        const QDateTime dayEnd = m_from.addDays(day + 1);
        p.setPen(text);
        p.drawText(QRectF(area.left(), 0, area.width(), kHeader), Qt::AlignCenter,
                   QLocale().toString(dayStart.date(), QStringLiteral("ddd d MMM")));
        p.setPen(grid);
        p.setBrush(Qt::NoBrush);
        p.drawRect(area);
        for (const argo::SyncWindowOccurrence &o : m_occurrences) {
            const QDateTime from = std::max(o.start.toLocalTime(), dayStart);
            const QDateTime to = std::min(o.end.toLocalTime(), dayEnd);
            if (from >= to)
                continue;
            const qreal top = area.top() + area.height() * dayStart.secsTo(from) / 86400.0;
            const qreal bottom = area.top() + area.height() * dayStart.secsTo(to) / 86400.0;
            const argo::SyncWindow &window = m_windows[o.window];
            QColor color = colorOf(window);
            const QRectF block(area.left() + 3, top, area.width() - 6, std::max(2.0, bottom - top));
            QColor fill = color;
            fill.setAlpha(90);
            p.setPen(color);
            p.setBrush(fill);
            p.drawRoundedRect(block, 3, 3);
            const QString label = window.kind == argo::SyncWindowKind::Allow
                                      ? tr("allow")
                                      : (window.manualSync ? tr("deny (manual sync allowed)") : tr("deny"));
            if (block.height() > metrics.height() + 4) {
                p.setPen(text);
                p.drawText(block.adjusted(4, 2, -4, -2), Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap,
                           window.description.empty() ? label
                                                      : label + QLatin1Char('\n') +
                                                            QString::fromStdString(window.description));
            }
        }
        // The current time.
        if (m_now >= dayStart && m_now < dayEnd) {
            const qreal y = area.top() + area.height() * dayStart.secsTo(m_now) / 86400.0;
            p.setPen(QPen(pal.color(QPalette::Highlight), 2));
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        }
    }

    // Legend.
    qreal x = kHourLabels;
    const qreal y = height() - kLegend + 4;
    const std::pair<argo::SyncWindowState, QString> legend[] = {
        {argo::SyncWindowState::Allowed, tr("allow")},
        {argo::SyncWindowState::Denied, tr("deny")},
        {argo::SyncWindowState::ManualOnly, tr("deny, manual sync allowed")},
    };
    for (const auto &[state, words] : legend) {
        p.setPen(Qt::NoPen);
        p.setBrush(windowColor(state, pal));
        p.drawRect(QRectF(x, y + 2, 12, 12));
        p.setPen(text);
        p.drawText(QPointF(x + 16, y + metrics.ascent()), words);
        x += 16 + metrics.horizontalAdvance(words) + 18;
    }
    p.setPen(QPen(pal.color(QPalette::Highlight), 2));
    p.drawLine(QPointF(x, y + 8), QPointF(x + 14, y + 8));
    p.setPen(text);
    p.drawText(QPointF(x + 18, y + metrics.ascent()), tr("now"));
}

} // namespace capstan::ui
