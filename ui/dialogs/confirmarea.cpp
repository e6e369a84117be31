#include "dialogs/confirmarea.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace capstan::ui {

void addConfirmArea(QDialog *dialog, QVBoxLayout *layout, QPlainTextEdit *preview, QLabel *status, QPushButton *confirm,
                    const QString &previewName, const QString &statusName)
{
    preview->setReadOnly(true);
    preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont)); // diffs line up
    preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    preview->setAccessibleName(previewName);
    status->setWordWrap(true);
    status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status->setAccessibleName(statusName);
    confirm->setAccessibleName(confirm->text());
    confirm->setEnabled(false);
    confirm->setAutoDefault(false); // Enter never confirms a change by accident

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    buttons->addButton(confirm, QDialogButtonBox::AcceptRole);
    layout->addWidget(preview, 1);
    layout->addWidget(status);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
}

} // namespace capstan::ui
