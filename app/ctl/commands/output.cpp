#include "ctl/commands/output.h"

#include "manifest/yaml_writer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace capstan::ctl {

OutputOption::OutputOption(QStringList formats)
    : m_formats(std::move(formats))
{
}

std::optional<OutputFormat> OutputOption::format(const QCommandLineParser &parser, QString &error) const
{
    if (!parser.isSet(m_option))
        return OutputFormat::Table;
    const QString value = parser.value(m_option);
    if (m_formats.contains(value)) {
        if (value == QLatin1String("wide"))
            return OutputFormat::Wide;
        if (value == QLatin1String("json"))
            return OutputFormat::Json;
        if (value == QLatin1String("yaml"))
            return OutputFormat::Yaml;
    }
    error = QStringLiteral("-o: unknown output format '%1' (expected %2)")
                .arg(value, m_formats.join(QLatin1String(", ")));
    return std::nullopt;
}

QString OutputOption::usageLine() const
{
    return QStringLiteral("  -o, --output FORMAT  %1\n").arg(m_formats.join(QLatin1Char('|')));
}

Table::Table(QStringList headers)
    : m_headers(std::move(headers))
{
}

void Table::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

void Table::print(std::ostream &out) const
{
    QList<qsizetype> widths;
    for (const QString &h : m_headers)
        widths.append(h.size());
    for (const QStringList &row : m_rows)
        for (qsizetype i = 0; i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            if (i + 1 == widths.size())
                text += cells[i];
            else
                text += cells[i].leftJustified(widths[i]) + QStringLiteral("  ");
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        out << text << '\n';
    };
    line(m_headers);
    for (const QStringList &row : m_rows)
        line(row);
}

void printField(std::ostream &out, const QString &label, const QString &value)
{
    out << (label + QLatin1Char(':')).leftJustified(20) << value << '\n';
}

manifest::Node toNode(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return manifest::Node::boolean(value.toBool());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return manifest::Node::integer(qint64(d));
        return manifest::Node::scalar(QString::number(d).toStdString(), manifest::ScalarType::Float);
    }
    case QJsonValue::String:
        return manifest::Node::string(value.toString().toStdString());
    case QJsonValue::Array: {
        manifest::Node seq = manifest::Node::sequence();
        for (const QJsonValue &item : value.toArray())
            seq.append(toNode(item));
        return seq;
    }
    case QJsonValue::Object: {
        manifest::Node map = manifest::Node::map();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            map.set(it.key().toStdString(), toNode(it.value()));
        return map;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return manifest::Node::null();
}

void printStructured(std::ostream &out, const QJsonValue &value, OutputFormat format)
{
    if (format == OutputFormat::Yaml) {
        out << manifest::emitYaml(toNode(value));
        return;
    }
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    const QByteArray json = document.toJson(QJsonDocument::Indented);
    out.write(json.constData(), json.size());
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString shortRevision(const std::string &revision)
{
    return orDash(qs(revision.substr(0, 7)));
}

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

} // namespace capstan::ctl
