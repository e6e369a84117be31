#pragma once

#include "manifest/object.h"
#include "manifest/yaml_reader.h"

#include <QFile>
#include <QString>
#include <QTest>

#include <vector>

namespace capstan::health::test {

// Every object in a YAML file; fails the calling test where it cannot be read.
inline bool readObjects(const QString &path, std::vector<manifest::Object> &objects)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(
            qPrintable(QStringLiteral("cannot open %1: %2").arg(path, file.errorString())), __FILE__, __LINE__);
        return false;
    }
    const QByteArray text = file.readAll();
    auto parsed = manifest::parseObjects(std::string_view(text.constData(), text.size()), path.toStdString());
    if (!parsed) {
        QTest::qFail(parsed.error().toString().c_str(), __FILE__, __LINE__);
        return false;
    }
    objects = std::move(parsed.value());
    return true;
}

} // namespace capstan::health::test
