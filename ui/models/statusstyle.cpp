#include "models/statusstyle.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <map>

namespace capstan::ui {

namespace {

QColor tuned(QColor color, const QPalette &palette)
{
    return isDark(palette) ? color.lighter(135) : color;
}

const QColor kGreen(0x18, 0xbe, 0x94);   // Argo CD's Synced / Healthy
const QColor kAmber(0xf4, 0xc0, 0x30);   // OutOfSync / Missing
const QColor kBlue(0x0d, 0xad, 0xea);    // Progressing
const QColor kRed(0xe9, 0x6d, 0x76);     // Degraded
const QColor kGrey(0x76, 0x6f, 0x94);    // Suspended / Unknown

QIcon paintedIcon(const QColor &color, bool heart)
{
    QIcon icon;
    for (const int size : {16, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        const qreal s = size;
        if (heart) {
            QPainterPath path;
            path.moveTo(s * 0.5, s * 0.9);
            path.cubicTo(s * 0.05, s * 0.55, s * 0.05, s * 0.15, s * 0.3, s * 0.15);
            path.cubicTo(s * 0.42, s * 0.15, s * 0.5, s * 0.3, s * 0.5, s * 0.3);
            path.cubicTo(s * 0.5, s * 0.3, s * 0.58, s * 0.15, s * 0.7, s * 0.15);
            path.cubicTo(s * 0.95, s * 0.15, s * 0.95, s * 0.55, s * 0.5, s * 0.9);
            p.drawPath(path);
        } else {
            p.drawEllipse(QRectF(s * 0.15, s * 0.15, s * 0.7, s * 0.7));
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QString syncText(compare::SyncStatus status)
{
    switch (status) {
    case compare::SyncStatus::Synced:
        return QCoreApplication::translate("capstan::ui::Status", "Synced");
    case compare::SyncStatus::OutOfSync:
        return QCoreApplication::translate("capstan::ui::Status", "OutOfSync");
    case compare::SyncStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("capstan::ui::Status", "Unknown");
}

QString resourceStatusText(compare::ResourceStatus status)
{
    switch (status) {
    case compare::ResourceStatus::Synced:
        return QCoreApplication::translate("capstan::ui::Status", "Synced");
    case compare::ResourceStatus::OutOfSync:
        return QCoreApplication::translate("capstan::ui::Status", "OutOfSync");
    case compare::ResourceStatus::Missing:
        return QCoreApplication::translate("capstan::ui::Status", "Missing");
    case compare::ResourceStatus::RequiresPruning:
        return QCoreApplication::translate("capstan::ui::Status", "Requires pruning");
    }
    return {};
}

QString healthText(health::HealthStatus status)
{
    switch (status) {
    case health::HealthStatus::Healthy:
        return QCoreApplication::translate("capstan::ui::Status", "Healthy");
    case health::HealthStatus::Suspended:
        return QCoreApplication::translate("capstan::ui::Status", "Suspended");
    case health::HealthStatus::Progressing:
        return QCoreApplication::translate("capstan::ui::Status", "Progressing");
    case health::HealthStatus::Missing:
        return QCoreApplication::translate("capstan::ui::Status", "Missing");
    case health::HealthStatus::Degraded:
        return QCoreApplication::translate("capstan::ui::Status", "Degraded");
    case health::HealthStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("capstan::ui::Status", "Unknown");
}

QString windowText(argo::SyncWindowState state)
{
    switch (state) {
    case argo::SyncWindowState::Allowed:
        return QCoreApplication::translate("capstan::ui::Status", "Allowed");
    case argo::SyncWindowState::ManualOnly:
        return QCoreApplication::translate("capstan::ui::Status", "Manual only");
    case argo::SyncWindowState::Denied:
        return QCoreApplication::translate("capstan::ui::Status", "Denied");
    }
    return {};
}

QColor syncColor(compare::SyncStatus status, const QPalette &palette)
{
    switch (status) {
    case compare::SyncStatus::Synced:
        return tuned(kGreen, palette);
    case compare::SyncStatus::OutOfSync:
        return tuned(kAmber, palette);
    case compare::SyncStatus::Unknown:
        break;
    }
    return tuned(kGrey, palette);
}

QColor resourceStatusColor(compare::ResourceStatus status, const QPalette &palette)
{
    return status == compare::ResourceStatus::Synced ? tuned(kGreen, palette) : tuned(kAmber, palette);
}

QColor healthColor(health::HealthStatus status, const QPalette &palette)
{
    switch (status) {
    case health::HealthStatus::Healthy:
        return tuned(kGreen, palette);
    case health::HealthStatus::Progressing:
        return tuned(kBlue, palette);
    case health::HealthStatus::Degraded:
        return tuned(kRed, palette);
    case health::HealthStatus::Missing:
        return tuned(kAmber, palette);
    case health::HealthStatus::Suspended:
    case health::HealthStatus::Unknown:
        break;
    }
    return tuned(kGrey, palette);
}

QColor windowColor(argo::SyncWindowState state, const QPalette &palette)
{
    switch (state) {
    case argo::SyncWindowState::Allowed:
        return tuned(kGreen, palette);
    case argo::SyncWindowState::ManualOnly:
        return tuned(kAmber, palette);
    case argo::SyncWindowState::Denied:
        break;
    }
    return tuned(kRed, palette);
}

QIcon syncIcon(compare::SyncStatus status, const QPalette &palette)
{
    // Painted once per colour: views ask for icons on every repaint (GUI thread only).
    static std::map<QRgb, QIcon> cache;
    const QColor color = syncColor(status, palette);
    auto it = cache.find(color.rgba());
    if (it == cache.end())
        it = cache.emplace(color.rgba(), paintedIcon(color, false)).first;
    return it->second;
}

QIcon healthIcon(health::HealthStatus status, const QPalette &palette)
{
    static std::map<std::pair<QRgb, bool>, QIcon> cache;
    const QColor color = healthColor(status, palette);
    const bool heart = status == health::HealthStatus::Healthy;
    auto it = cache.find({color.rgba(), heart});
    if (it == cache.end())
        it = cache.emplace(std::make_pair(color.rgba(), heart), paintedIcon(color, heart)).first;
    return it->second;
}

} // namespace capstan::ui
