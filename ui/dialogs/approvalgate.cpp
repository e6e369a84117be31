#include "dialogs/approvalgate.h"

#include "models/statusstyle.h"
#include "reconcile/engine/sync_controller.h"
#include "reconcile/engine/workspace.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <set>

namespace capstan::ui {

bool ApprovalGate::isRequired(const engine::AppState &app)
{
    return app.requiresApproval && !app.automated;
}

ApprovalGate::ApprovalGate(const engine::AppState &app, QWidget *parent)
    : QGroupBox(tr("Approval"), parent)
    , m_appName(qs(app.name))
    , m_requiredApprovers(std::max(1, app.requiredApprovers))
    , m_confirm(new QLineEdit(this))
    , m_note(new QPlainTextEdit(this))
    , m_approver(new QLineEdit(qs(engine::currentUser()), this))
{
    // Only the rule is kept (the state's texts can be large).
    m_rule.name = app.name;
    m_rule.requiresApproval = app.requiresApproval;
    m_rule.automated = app.automated;
    m_rule.requiredApprovers = app.requiredApprovers;
    auto *form = new QFormLayout(this);
    auto *explain = new QLabel(tr("The project %1 requires approval for this application. Type <b>%2</b> to confirm.")
                                   .arg(qs(app.project).toHtmlEscaped(), m_appName.toHtmlEscaped()),
                               this);
    explain->setWordWrap(true);
    form->addRow(explain);
    m_confirm->setPlaceholderText(m_appName);
    m_confirm->setAccessibleName(tr("Application name to confirm"));
    form->addRow(tr("&Application name:"), m_confirm);
    m_note->setPlaceholderText(tr("Change ticket, reason, who reviewed it…"));
    m_note->setAccessibleName(tr("Approval note"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(70);
    form->addRow(tr("Approval &note:"), m_note);
    m_approver->setAccessibleName(tr("Approver"));
    form->addRow(tr("A&pproved by:"), m_approver);
    if (m_requiredApprovers >= 2) {
        m_secondApprover = new QLineEdit(this);
        m_secondApprover->setAccessibleName(tr("Second approver"));
        m_secondApprover->setPlaceholderText(tr("A different person"));
        form->addRow(tr("&Second approver:"), m_secondApprover);
        connect(m_secondApprover, &QLineEdit::textChanged, this, &ApprovalGate::changed);
    }
    connect(m_confirm, &QLineEdit::textChanged, this, &ApprovalGate::changed);
    connect(m_note, &QPlainTextEdit::textChanged, this, &ApprovalGate::changed);
    connect(m_approver, &QLineEdit::textChanged, this, &ApprovalGate::changed);
}

QString ApprovalGate::missing() const
{
    if (m_confirm->text() != m_appName)
        return tr("Type the application's name to confirm.");
    const engine::ApprovalCheck check = engine::checkApproval(m_rule, note().toStdString(), approvers(), false);
    if (check.needsNote)
        return tr("Write an approval note.");
    if (!check.passed())
        return tr("The project requires %n different approver(s).", nullptr, check.neededApprovers);
    return {};
}

QString ApprovalGate::note() const
{
    return m_note->toPlainText().trimmed();
}

std::vector<std::string> ApprovalGate::approvers() const
{
    std::vector<std::string> people;
    std::set<QString> seen;
    for (const QLineEdit *edit : {m_approver, m_secondApprover}) {
        const QString name = edit ? edit->text().trimmed() : QString();
        if (!name.isEmpty() && seen.insert(name).second)
            people.push_back(name.toStdString());
    }
    return people;
}

QString ApprovalGate::initiator() const
{
    const QString name = m_approver->text().trimmed();
    return name.isEmpty() ? qs(engine::currentUser()) : name;
}

void ApprovalGate::fill(engine::SyncCommand &command) const
{
    command.initiatedBy = initiator().toStdString();
    command.approvalNote = note().toStdString();
    command.approvers = approvers();
}

} // namespace capstan::ui
