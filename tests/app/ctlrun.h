#pragma once

// Runs capstanctl in-process and reads what it printed, shared by the
// capstanctl tests.

#include "ctl/cli.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QString>
#include <QStringList>

#include <sstream>
#include <string>

namespace capstan::test {

// One capstanctl invocation: its exit code and what it printed.
struct Run
{
    int code = 0;
    std::string out;
    std::string err;

    bool has(const char *text) const { return out.find(text) != std::string::npos; }
    bool errHas(const char *text) const { return err.find(text) != std::string::npos; }
    // For a failed check's message (QVERIFY2): exit code, stdout and stderr.
    QByteArray describe() const
    {
        return QStringLiteral("exit %1\n%2\n%3")
            .arg(code)
            .arg(QString::fromStdString(out), QString::fromStdString(err))
            .toUtf8();
    }
};

// Runs capstanctl with `args` in this process.
inline Run capstanctl(const QStringList &args)
{
    ctl::Cli cli;
    std::ostringstream out, err;
    const int code = cli.run(args, out, err);
    return { code, out.str(), err.str() };
}

// What a command printed with -o json; a warning when it is not JSON.
inline QJsonDocument parseJson(const std::string &text)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return doc;
}

// The non-empty lines of what a command printed.
inline QStringList lines(const std::string &text)
{
    return QString::fromStdString(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace capstan::test
