#include "views/clusterpicker.h"

#include "engine/engineclient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace capstan::ui {

namespace {

constexpr int kContextRole = Qt::UserRole + 1; // QString; null for the sandbox

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
        m_engine->useCluster(context.isValid() ? std::optional<QString>(context.toString()) : std::nullopt);
    });
    engine->loadContexts();
}

QString ClusterPicker::currentContext() const
{
    return m_combo->currentData(kContextRole).toString();
}

void ClusterPicker::showContexts(const QStringList &contexts, const QString &current, const QString &error)
{
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("Sandbox (embedded)"));
    m_combo->setItemData(0, tr("Capstan's own cluster, kept with the workspace"), Qt::ToolTipRole);
    for (const QString &context : contexts)
        m_combo->addItem(context, context);
    for (int i = 1; i < m_combo->count(); ++i)
        m_combo->setItemData(i, m_combo->itemText(i), kContextRole);
    m_combo->setCurrentIndex(current.isEmpty() ? 0 : std::max(0, m_combo->findData(current, kContextRole)));
    m_combo->setToolTip(error.isEmpty() ? tr("The cluster the workspace deploys to")
                                        : tr("No kubeconfig to read: %1").arg(error));
    Q_EMIT contextsShown();
}

} // namespace capstan::ui
