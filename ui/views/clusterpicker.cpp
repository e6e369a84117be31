#include "views/clusterpicker.h"

#include "engine/engineclient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace capstan::ui {

namespace {

// What an entry chooses: the sandbox (no data), a context for Capstan's own
// engine, or a context whose Argo CD becomes the engine.
constexpr int kContextRole = Qt::UserRole + 1; // QString
constexpr int kArgoCdRole = Qt::UserRole + 2;  // bool

} // namespace

ClusterPicker::ClusterPicker(EngineClient *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_combo(new QComboBox(this))
{
    auto *label = new QLabel(tr("&Cluster:"), this);
    label->setBuddy(m_combo);
    m_combo->setAccessibleName(tr("Cluster"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->addItem(tr("Sandbox (embedded)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);

    connect(engine->worker(), &EngineWorker::contextsReady, this, &ClusterPicker::showContexts);
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QVariant context = m_combo->itemData(index, kContextRole);
        if (m_combo->itemData(index, kArgoCdRole).toBool())
            m_engine->useArgoCd(context.toString());
        else
            m_engine->useCluster(context.isValid() ? std::optional<QString>(context.toString()) : std::nullopt);
    });
    engine->loadContexts();
}

QString ClusterPicker::currentContext() const
{
    return m_combo->currentData(kContextRole).toString();
}

bool ClusterPicker::argoCdIsEngine() const
{
    return m_combo->currentData(kArgoCdRole).toBool();
}

void ClusterPicker::showContexts(const QStringList &contexts, const QString &current, const QString &argoCd,
                                 const QString &error)
{
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("Sandbox (embedded)"));
    m_combo->setItemData(0, tr("Capstan's own cluster, kept with the workspace"), Qt::ToolTipRole);
    const auto add = [this](const QString &label, const QString &context, bool argoCdEngine, const QString &tip) {
        m_combo->addItem(label);
        const int row = m_combo->count() - 1;
        m_combo->setItemData(row, context, kContextRole);
        m_combo->setItemData(row, argoCdEngine, kArgoCdRole);
        m_combo->setItemData(row, tip, Qt::ToolTipRole);
    };
    for (const QString &context : contexts)
        add(context, context, false, tr("Capstan syncs the workspace to this context's cluster"));
    if (!contexts.isEmpty())
        m_combo->insertSeparator(m_combo->count());
    for (const QString &context : contexts)
        add(tr("Argo CD in %1").arg(context), context, true,
            tr("The Argo CD running in this context's cluster is the engine: its applications are shown, and "
               "Sync, Rollback and Terminate ask it"));
    int index = 0;
    for (int i = 1; i < m_combo->count(); ++i) {
        const bool argo = m_combo->itemData(i, kArgoCdRole).toBool();
        const QString context = m_combo->itemData(i, kContextRole).toString();
        if (argoCd.isEmpty() ? (!argo && !current.isEmpty() && context == current) : (argo && context == argoCd))
            index = i;
    }
    m_combo->setCurrentIndex(index);
    m_combo->setToolTip(error.isEmpty() ? tr("The cluster the workspace deploys to, or the Argo CD that does")
                                        : tr("No kubeconfig to read: %1").arg(error));
    Q_EMIT contextsShown();
}

} // namespace capstan::ui
