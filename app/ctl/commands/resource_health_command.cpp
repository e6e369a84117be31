#include "ctl/commands/resource_health_command.h"

#include "ctl/commands/workspace_options.h"
#include "ctl/options.h"
#include "manifest/yaml_reader.h"
#include "reconcile/health/health.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace capstan::ctl {

QString ResourceHealthCommand::summary() const
{
    return QStringLiteral("Assess the health of the objects in YAML files");
}

QString ResourceHealthCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl resource health FILE... [-o json]\n\n"
                          "Prints, for each object in the files (status included, as `kubectl get -o yaml`\n"
                          "prints it), its identity and its health as Argo CD assesses it: Healthy,\n"
                          "Progressing, Degraded, Suspended, Missing or Unknown, and why; \"-\" for kinds\n"
                          "that have no health check. Exit status 0 whatever the health, 1 when a file\n"
                          "cannot be read.\n\n"
                          "Options:\n")
        + m_output.usageLine();
}

int ResourceHealthCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_output.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    QString error;
    const auto format = m_output.format(parser, error);
    if (!format)
        return usageError(*this, io, error);
    if (positional->isEmpty())
        return usageError(*this, io, QStringLiteral("expected at least one file"));

    Table table({ QStringLiteral("GROUP"), QStringLiteral("KIND"), QStringLiteral("NAMESPACE"), QStringLiteral("NAME"),
        QStringLiteral("HEALTH"), QStringLiteral("MESSAGE") });
    QJsonArray json;
    for (const QString &path : *positional) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(*this, io, path.toStdString() + ": " + file.errorString().toStdString());
        const QByteArray text = file.readAll();
        auto objects = manifest::parseObjects(std::string_view(text.constData(), std::size_t(text.size())),
            path.toStdString(), manifest::DuplicateKeys::KeepLast);
        if (!objects)
            return fail(*this, io, objects.error().toString());
        for (const manifest::Object &object : *objects) {
            const manifest::ResourceId id = object.id();
            const std::optional<health::Health> health = health::assess(object);
            const QString status = health ? qs(health::toString(health->status)) : QStringLiteral("-");
            const QString message = health ? qs(health->message) : QString();
            table.addRow({ qs(id.group), qs(id.kind), qs(id.ns), qs(id.name), status, message });
            QJsonObject entry { { QStringLiteral("file"), path }, { QStringLiteral("group"), qs(id.group) },
                { QStringLiteral("version"), qs(id.version) }, { QStringLiteral("kind"), qs(id.kind) },
                { QStringLiteral("namespace"), qs(id.ns) }, { QStringLiteral("name"), qs(id.name) },
                { QStringLiteral("health"), health ? QJsonValue(status) : QJsonValue() },
                { QStringLiteral("message"), message } };
            json.append(entry);
        }
    }
    if (*format == OutputFormat::Json)
        printStructured(io.out, json, *format);
    else
        table.print(io.out);
    return ExitOk;
}

} // namespace capstan::ctl
