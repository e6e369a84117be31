#pragma once

// Helpers for the tests of what the renderer keeps across renders.
#include "kustomize/filesystem.h"
#include "kustomize/render.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QThread>

#include <atomic>
#include <string>
#include <vector>

namespace capstan::kustomize::testing {

inline void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
}

// The local disk as renderDirectory uses it (one per render), counting the files
// actually read. Unkeyed, it hides the keys the caches need, as a Git tree does.
class CountingDisk final : public FileSystem
{
public:
    enum class Keys { Given, Hidden };
    explicit CountingDisk(Keys keys = Keys::Given) : m_keyed(keys == Keys::Given) {}

    Result<std::string> readFile(const std::string &path) const override
    {
        ++reads;
        return m_disk.readFile(path);
    }
    bool exists(const std::string &path) const override { return m_disk.exists(path); }
    bool isDirectory(const std::string &path) const override { return m_disk.isDirectory(path); }
    Result<std::vector<std::string>> listDirectory(const std::string &path) const override
    {
        return m_disk.listDirectory(path);
    }
    Result<std::string> canonicalPath(const std::string &path) const override { return m_disk.canonicalPath(path); }
    std::string contentKey(const std::string &path) const override
    {
        return m_keyed ? m_disk.contentKey(path) : std::string();
    }

    mutable std::atomic<int> reads = 0;

private:
    DiskFileSystem m_disk;
    bool m_keyed = true;
};

// A render's output as the user sees it: the YAML, or the error; the warnings.
struct Rendered
{
    std::string yaml;
    std::vector<std::string> warnings;
    int reads = 0;
};

inline Rendered renderCounting(const QString &dir, CountingDisk::Keys keys = CountingDisk::Keys::Given)
{
    CountingDisk disk(keys);
    auto result = render(disk, QDir(dir).canonicalPath().toStdString());
    if (!result.ok())
        return {"error: " + result.error().toString(), {}, disk.reads};
    return {result.value().yaml, result.value().warnings, disk.reads};
}

inline QByteArray configMap(const QByteArray &value)
{
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  key: \"" + value + "\"\n";
}

// Lets the file system's clock move past the files' change times: only then
// do the caches trust a file's metadata (see DiskFileSystem::contentKey).
inline void settle()
{
    QThread::msleep(50);
}

} // namespace capstan::kustomize::testing
