#pragma once

// `capstanctl argocd app ...`: Capstan as the console of an Argo CD that runs in a cluster,
// through the Kubernetes API only. Reads come from the Application resources; actions set
// an Application's operation, so Argo CD's controller does the work under its own rules,
// with Capstan's approval gate in front.

#include "ctl/command.h"
#include "ctl/commands/argocd_connection.h"
#include "ctl/commands/output.h"

namespace capstan::ctl {

// capstanctl argocd app list [-o wide|json]
class ArgoCdAppListCommand final : public Command
{
public:
    QStringList words() const override
    {
        return { QStringLiteral("argocd"), QStringLiteral("app"), QStringLiteral("list") };
    }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    ArgoCdOptions m_argocd;
    OutputOption m_output { { QStringLiteral("wide"), QStringLiteral("json") } };
};

// capstanctl argocd app get NAME [-o wide|json]
class ArgoCdAppGetCommand final : public Command
{
public:
    QStringList words() const override
    {
        return { QStringLiteral("argocd"), QStringLiteral("app"), QStringLiteral("get") };
    }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    ArgoCdOptions m_argocd;
    OutputOption m_output { { QStringLiteral("wide"), QStringLiteral("json") } };
};

// capstanctl argocd app history NAME [-o wide|json]
class ArgoCdAppHistoryCommand final : public Command
{
public:
    QStringList words() const override
    {
        return { QStringLiteral("argocd"), QStringLiteral("app"), QStringLiteral("history") };
    }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    ArgoCdOptions m_argocd;
    OutputOption m_output { { QStringLiteral("wide"), QStringLiteral("json") } };
};

// capstanctl argocd app sync NAME [--prune] [--dry-run] [--revision R] [--resource G:K:[NS/]NAME]...
//                                 [--note TEXT] [--approver NAME]...
class ArgoCdAppSyncCommand final : public Command
{
public:
    QStringList words() const override
    {
        return { QStringLiteral("argocd"), QStringLiteral("app"), QStringLiteral("sync") };
    }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    ArgoCdOptions m_argocd;
};

// capstanctl argocd app rollback NAME ID [--prune] [--dry-run] [--note TEXT] [--approver NAME]...
class ArgoCdAppRollbackCommand final : public Command
{
public:
    QStringList words() const override
    {
        return { QStringLiteral("argocd"), QStringLiteral("app"), QStringLiteral("rollback") };
    }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    ArgoCdOptions m_argocd;
};

// capstanctl argocd app terminate-op NAME
class ArgoCdAppTerminateOpCommand final : public Command
{
public:
    QStringList words() const override
    {
        return { QStringLiteral("argocd"), QStringLiteral("app"), QStringLiteral("terminate-op") };
    }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    ArgoCdOptions m_argocd;
};

} // namespace capstan::ctl
