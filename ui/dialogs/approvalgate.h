#pragma once

#include "reconcile/engine/app_state.h"

#include <QGroupBox>

class QLineEdit;
class QPlainTextEdit;

namespace capstan::engine {
struct SyncCommand;
}

namespace capstan::ui {

// The gate in front of a change to an application whose project requires
// approval and that does not sync by itself (production): the person types the
// application's name, writes an approval note, and names one approver, or two
// different ones where the project asks for two. Used by every dialog that
// applies manifests to such an application; the engine checks it all again.
class ApprovalGate final : public QGroupBox
{
    Q_OBJECT

public:
    explicit ApprovalGate(const engine::AppState &app, QWidget *parent = nullptr);

    // Whether an application needs the gate at all.
    static bool isRequired(const engine::AppState &app);

    // What is still missing ("" when the gate is passed).
    QString missing() const;
    // Writes the approval into a command: note, approvers, initiator.
    void fill(engine::SyncCommand &command) const;
    QString note() const;
    std::vector<std::string> approvers() const;
    QString initiator() const;

    QLineEdit *confirmEdit() const { return m_confirm; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLineEdit *approverEdit() const { return m_approver; }
    QLineEdit *secondApproverEdit() const { return m_secondApprover; }

Q_SIGNALS:
    void changed();

private:
    engine::AppState m_rule; // the approval rule of the application: name, requiresApproval, automated, approvers
    QString m_appName;
    int m_requiredApprovers = 1;
    QLineEdit *m_confirm;
    QPlainTextEdit *m_note;
    QLineEdit *m_approver;
    QLineEdit *m_secondApprover = nullptr;
};

} // namespace capstan::ui
