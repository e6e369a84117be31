#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

class QPalette;

namespace capstan::ui {

// The syntax definitions and themes, loaded once per process (loading them costs
// tens of milliseconds) and shared by every view.
KSyntaxHighlighting::Repository &syntaxRepository();

// The highlighting theme for a palette: a light theme on a light palette, a
// dark one on a dark palette. Every highlighted view follows this choice.
KSyntaxHighlighting::Theme themeForPalette(const QPalette &palette);

// A read-only YAML viewer highlighted by KSyntaxHighlighting. Its theme follows
// the palette: a light theme on a light palette, a dark one on a dark palette.
class YamlView final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit YamlView(QWidget *parent = nullptr);
    ~YamlView() override;

    void setYaml(const QString &text);
    // The name of the theme in use ("Breeze Light", "Breeze Dark", ...).
    QString themeName() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
};

} // namespace capstan::ui
