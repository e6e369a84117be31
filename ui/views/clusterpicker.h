#pragma once

#include <QWidget>

class QComboBox;

namespace capstan::ui {

class EngineClient;

// Which cluster the workspace deploys to: Capstan's embedded sandbox, or a
// context of the kubeconfig (KUBECONFIG, else ~/.kube/config). Choosing one
// reopens the workspace on it; applications whose destination that context
// does not serve say so in their conditions. "Argo CD in <context>" makes the
// Argo CD running in that cluster the engine instead.
class ClusterPicker final : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterPicker(EngineClient *engine, QWidget *parent = nullptr);

    QComboBox *combo() const { return m_combo; }
    // "" for the sandbox.
    QString currentContext() const;
    // The current entry is an "Argo CD in <context>".
    bool argoCdIsEngine() const;

Q_SIGNALS:
    void contextsShown();

private:
    void showContexts(const QStringList &contexts, const QString &current, const QString &argoCd,
                      const QString &error);

    EngineClient *m_engine;
    QComboBox *m_combo;
};

} // namespace capstan::ui
