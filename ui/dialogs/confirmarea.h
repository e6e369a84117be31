#pragma once

class QDialog;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QString;
class QVBoxLayout;

namespace capstan::ui {

// The end of every dialog that previews a Git change before making it
// (rollback, promotion): the preview (read-only, fixed-width), a status line
// that says what will happen or why not, and Confirm (disabled until a
// preview is shown) beside Cancel. Adds them to `layout`; Cancel rejects.
void addConfirmArea(QDialog *dialog, QVBoxLayout *layout, QPlainTextEdit *preview, QLabel *status, QPushButton *confirm,
                    const QString &previewName, const QString &statusName);

} // namespace capstan::ui
