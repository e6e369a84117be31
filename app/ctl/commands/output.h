#pragma once

#include "ctl/command.h"
#include "manifest/node.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonValue>

#include <optional>
#include <string>

namespace capstan::ctl {

// `-o`: how a command prints what it found.
enum class OutputFormat { Table, Wide, Json, Yaml };

// The -o/--output option and its accepted values.
class OutputOption final
{
public:
    // formats: the values this command accepts besides the default table.
    explicit OutputOption(
        QStringList formats = { QStringLiteral("wide"), QStringLiteral("json"), QStringLiteral("yaml") });
    void addTo(QCommandLineParser &parser) const { parser.addOption(m_option); }
    // nullopt (with the message in `error`) for a value not accepted.
    std::optional<OutputFormat> format(const QCommandLineParser &parser, QString &error) const;
    QString usageLine() const;

private:
    QCommandLineOption m_option { { QStringLiteral("o"), QStringLiteral("output") }, QString(),
        QStringLiteral("FORMAT") };
    QStringList m_formats;
};

// Columns aligned as kubectl and argocd print them: each as wide as its widest
// cell, two spaces apart, no trailing spaces.
class Table final
{
public:
    explicit Table(QStringList headers);
    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    void print(std::ostream &out) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

// "Label:" padded so that values line up, as `argocd app get` prints its summary.
void printField(std::ostream &out, const QString &label, const QString &value);

// Structured output: JSON (indented) or YAML (via manifest::emitYaml).
void printStructured(std::ostream &out, const QJsonValue &value, OutputFormat format);
manifest::Node toNode(const QJsonValue &value);

QString qs(const std::string &text);
QString qs(std::string_view text);
// "-" for an empty cell, as kubectl prints one.
QString orDash(const QString &text);
// The first seven digits of a commit id.
QString shortRevision(const std::string &revision);
// "2026-11-25 10:00:00 UTC"; "-" when invalid.
QString formatTime(const QDateTime &time);

} // namespace capstan::ctl
