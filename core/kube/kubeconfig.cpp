#include "kube/kubeconfig.h"

#include "manifest/yaml_reader.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <set>

namespace capstan::kube {

using manifest::Node;

namespace {

// Reads the fields of one file, naming file:line:col in every error.
class FileReader
{
public:
    FileReader(const std::string &file)
        : m_file(file)
        , m_dir(QFileInfo(QString::fromStdString(file)).absolutePath())
    {
    }

    capstan::Error error(const Node &at, const std::string &message) const
    {
        const manifest::Mark m = at.mark();
        if (m.line == 0)
            return makeError(message, m_file);
        return makeError(message, m_file + ":" + std::to_string(m.line) + ":" + std::to_string(m.column));
    }

    // A string field; absent or null gives "". Anything else than a scalar is an error.
    bool text(const Node &map, std::string_view key, std::string &out, capstan::Error &err) const
    {
        const Node *v = map.find(key);
        if (!v || v->isNull())
            return true;
        if (!v->isScalar()) {
            err = error(*v, "\"" + std::string(key) + "\" must be a string");
            return false;
        }
        out = v->text();
        return true;
    }

    bool boolean(const Node &map, std::string_view key, bool &out, capstan::Error &err) const
    {
        const Node *v = map.find(key);
        if (!v || v->isNull())
            return true;
        if (v->scalarType() != manifest::ScalarType::Bool) {
            err = error(*v, "\"" + std::string(key) + "\" must be true or false, not \"" + v->text() + "\"");
            return false;
        }
        out = v->text() == "true";
        return true;
    }

    // A path field, made absolute against the file's folder (kubectl's rule).
    bool path(const Node &map, std::string_view key, std::string &out, capstan::Error &err) const
    {
        if (!text(map, key, out, err))
            return false;
        out = absolute(out);
        return true;
    }

    std::string absolute(const std::string &p) const
    {
        if (p.empty() || QDir::isAbsolutePath(QString::fromStdString(p)))
            return p;
        return QDir::cleanPath(m_dir + "/" + QString::fromStdString(p)).toStdString();
    }

    // A base64 field, decoded.
    bool data(const Node &map, std::string_view key, std::string &out, capstan::Error &err) const
    {
        std::string encoded;
        if (!text(map, key, encoded, err))
            return false;
        if (encoded.empty())
            return true;
        auto decoded = QByteArray::fromBase64Encoding(
            QByteArray::fromStdString(encoded), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            err = error(*map.find(key), "\"" + std::string(key) + "\" is not valid base64");
            return false;
        }
        out = decoded.decoded.toStdString();
        return true;
    }

    // A list of {name: ..., <body>: {...}} items; calls `read` for each body.
    template<typename Read>
    bool namedList(
        const Node &root, std::string_view listKey, std::string_view bodyKey, Read read, capstan::Error &err) const
    {
        const Node *list = root.find(listKey);
        if (!list || list->isNull())
            return true;
        if (!list->isSequence()) {
            err = error(*list, "\"" + std::string(listKey) + "\" must be a list");
            return false;
        }
        for (const Node &item : list->items()) {
            if (!item.isMap()) {
                err = error(item, "each entry of \"" + std::string(listKey) + "\" must be a mapping");
                return false;
            }
            const std::string name = item.textAt({ "name" });
            if (name.empty()) {
                err = error(item, "an entry of \"" + std::string(listKey) + "\" has no name");
                return false;
            }
            if (!m_seen.insert(std::string(listKey) + "/" + name).second) {
                // kubectl rejects a file that defines a name twice; only across files does the first win.
                err = error(item, "\"" + name + "\" is defined twice in \"" + std::string(listKey) + "\"");
                return false;
            }
            const Node *body = item.find(bodyKey);
            static const Node empty = Node::map();
            if (body && !body->isNull() && !body->isMap()) {
                err = error(*body, "\"" + std::string(bodyKey) + "\" of \"" + name + "\" must be a mapping");
                return false;
            }
            if (!read(name, body && body->isMap() ? *body : empty))
                return false;
        }
        return true;
    }

    const std::string &file() const { return m_file; }

private:
    std::string m_file;
    QString m_dir;
    mutable std::set<std::string> m_seen; // "clusters/<name>", ...: names defined so far
};

bool readExec(const FileReader &r, const Node &node, ExecConfig &exec, capstan::Error &err)
{
    if (!node.isMap()) {
        err = r.error(node, "\"exec\" must be a mapping");
        return false;
    }
    if (!r.text(node, "apiVersion", exec.apiVersion, err) || !r.text(node, "command", exec.command, err)
        || !r.text(node, "installHint", exec.installHint, err)
        || !r.boolean(node, "provideClusterInfo", exec.provideClusterInfo, err))
        return false;
    if (exec.command.empty()) {
        err = r.error(node, "exec has no \"command\"");
        return false;
    }
    // A command given as a relative path (not a bare name looked up on PATH) is relative to the file.
    if (exec.command.find('/') != std::string::npos)
        exec.command = r.absolute(exec.command);
    if (const Node *args = node.find("args"); args && !args->isNull()) {
        if (!args->isSequence()) {
            err = r.error(*args, "exec \"args\" must be a list");
            return false;
        }
        for (const Node &a : args->items())
            exec.args.push_back(a.text());
    }
    if (const Node *env = node.find("env"); env && !env->isNull()) {
        if (!env->isSequence()) {
            err = r.error(*env, "exec \"env\" must be a list of {name, value}");
            return false;
        }
        for (const Node &e : env->items()) {
            if (!e.isMap() || e.textAt({ "name" }).empty()) {
                err = r.error(e, "each exec \"env\" entry needs a \"name\"");
                return false;
            }
            exec.env.emplace_back(e.textAt({ "name" }), e.textAt({ "value" }));
        }
    }
    return true;
}

template<typename Entry> const Entry *findNamed(const std::vector<Entry> &entries, const std::string &name)
{
    auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry &e) { return e.name == name; });
    return it == entries.end() ? nullptr : &*it;
}

template<typename Entry> void mergeNamed(std::vector<Entry> &into, std::vector<Entry> &&from)
{
    for (Entry &e : from) {
        if (!findNamed(into, e.name))
            into.push_back(std::move(e));
    }
}

} // namespace

capstan::Result<Kubeconfig> Kubeconfig::parse(const std::string &text, const std::string &file)
{
    auto docs = manifest::parseDocuments(text, file, manifest::DuplicateKeys::KeepLast);
    if (!docs)
        return docs.error();
    Kubeconfig config;
    config.m_files.push_back(file);
    if (docs->empty())
        return config;
    const Node &root = docs->front();
    FileReader r(file);
    if (!root.isMap())
        return r.error(root, "a kubeconfig must be a mapping with clusters, users and contexts");
    capstan::Error err;
    bool ok = r.namedList(
        root, "clusters", "cluster",
        [&](const std::string &name, const Node &body) {
            ClusterEntry c;
            c.name = name;
            c.definedIn = file;
            if (!r.text(body, "server", c.server, err)
                || !r.path(body, "certificate-authority", c.certificateAuthority, err)
                || !r.data(body, "certificate-authority-data", c.certificateAuthorityData, err)
                || !r.boolean(body, "insecure-skip-tls-verify", c.insecureSkipTlsVerify, err)
                || !r.text(body, "tls-server-name", c.tlsServerName, err)
                || !r.text(body, "proxy-url", c.proxyUrl, err))
                return false;
            config.m_clusters.push_back(std::move(c));
            return true;
        },
        err);
    ok = ok
        && r.namedList(
            root, "users", "user",
            [&](const std::string &name, const Node &body) {
                UserEntry u;
                u.name = name;
                u.definedIn = file;
                if (!r.path(body, "client-certificate", u.clientCertificate, err)
                    || !r.data(body, "client-certificate-data", u.clientCertificateData, err)
                    || !r.path(body, "client-key", u.clientKey, err)
                    || !r.data(body, "client-key-data", u.clientKeyData, err) || !r.text(body, "token", u.token, err)
                    || !r.path(body, "tokenFile", u.tokenFile, err))
                    return false;
                if (const Node *exec = body.find("exec"); exec && !exec->isNull()) {
                    ExecConfig e;
                    if (!readExec(r, *exec, e, err))
                        return false;
                    u.exec = std::move(e);
                }
                config.m_users.push_back(std::move(u));
                return true;
            },
            err);
    ok = ok
        && r.namedList(
            root, "contexts", "context",
            [&](const std::string &name, const Node &body) {
                ContextEntry c;
                c.name = name;
                c.definedIn = file;
                if (!r.text(body, "cluster", c.cluster, err) || !r.text(body, "user", c.user, err)
                    || !r.text(body, "namespace", c.ns, err))
                    return false;
                config.m_contexts.push_back(std::move(c));
                return true;
            },
            err);
    ok = ok && r.text(root, "current-context", config.m_currentContext, err);
    if (!ok)
        return err;
    return config;
}

void Kubeconfig::mergeFrom(Kubeconfig &&other)
{
    mergeNamed(m_clusters, std::move(other.m_clusters));
    mergeNamed(m_users, std::move(other.m_users));
    mergeNamed(m_contexts, std::move(other.m_contexts));
    if (m_currentContext.empty())
        m_currentContext = other.m_currentContext;
    m_files.insert(m_files.end(), other.m_files.begin(), other.m_files.end());
}

capstan::Result<Kubeconfig> Kubeconfig::load(const std::vector<std::string> &files)
{
    Kubeconfig merged;
    std::set<std::string> seen;
    for (const std::string &file : files) {
        if (file.empty()
            || !seen.insert(QFileInfo(QString::fromStdString(file)).absoluteFilePath().toStdString()).second)
            continue;
        QFile f(QString::fromStdString(file));
        if (!f.exists())
            continue;
        if (!f.open(QIODevice::ReadOnly))
            return makeError("cannot read kubeconfig: " + f.errorString().toStdString(), file);
        auto one = parse(f.readAll().toStdString(), file);
        if (!one)
            return one.error();
        merged.mergeFrom(std::move(*one));
    }
    if (merged.m_files.empty()) {
        std::string list;
        for (const std::string &f : files)
            list += (list.empty() ? "" : ", ") + f;
        return makeError("no kubeconfig file found (looked for " + (list.empty() ? "nothing" : list) + ")");
    }
    return merged;
}

capstan::Result<Kubeconfig> Kubeconfig::loadDefault()
{
    const QByteArray env = qgetenv("KUBECONFIG");
    std::vector<std::string> files;
    if (!env.isEmpty()) {
        for (const QByteArray &part : env.split(':'))
            files.push_back(part.toStdString());
    } else {
        files.push_back((QDir::homePath() + "/.kube/config").toStdString());
    }
    return load(files);
}

const ClusterEntry *Kubeconfig::cluster(const std::string &name) const
{
    return findNamed(m_clusters, name);
}
const UserEntry *Kubeconfig::user(const std::string &name) const
{
    return findNamed(m_users, name);
}
const ContextEntry *Kubeconfig::context(const std::string &name) const
{
    return findNamed(m_contexts, name);
}

capstan::Result<Kubeconfig::Resolved> Kubeconfig::resolve(const std::string &contextName) const
{
    const std::string name = contextName.empty() ? m_currentContext : contextName;
    if (name.empty())
        return makeError("no context given and the kubeconfig sets no current-context");
    const ContextEntry *ctx = context(name);
    if (!ctx) {
        std::string known;
        for (const ContextEntry &c : m_contexts)
            known += (known.empty() ? "" : ", ") + c.name;
        return makeError("context \"" + name
            + "\" is not defined in the kubeconfig (contexts: " + (known.empty() ? "none" : known) + ")");
    }
    Resolved out;
    out.context = *ctx;
    const ClusterEntry *c = cluster(ctx->cluster);
    if (!c)
        return makeError(
            "context \"" + name + "\" uses cluster \"" + ctx->cluster + "\", which is not defined", ctx->definedIn);
    if (c->server.empty())
        return makeError("cluster \"" + c->name + "\" has no \"server\"", c->definedIn);
    if (!c->certificateAuthority.empty() && !c->certificateAuthorityData.empty())
        return makeError(
            "cluster \"" + c->name + "\" sets both certificate-authority and certificate-authority-data", c->definedIn);
    out.cluster = *c;
    // A context without a user is allowed (anonymous access); a named but missing user is not.
    if (!ctx->user.empty()) {
        const UserEntry *u = user(ctx->user);
        if (!u)
            return makeError(
                "context \"" + name + "\" uses user \"" + ctx->user + "\", which is not defined", ctx->definedIn);
        out.user = *u;
    }
    return out;
}

} // namespace capstan::kube
