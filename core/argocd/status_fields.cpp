#include "argocd/status_fields_p.h"

namespace capstan::argocd::detail {

using manifest::Node;

namespace {

const Node *valueAt(const Node *parent, std::string_view key)
{
    return parent && parent->isMap() ? parent->find(key) : nullptr;
}

} // namespace

const std::vector<Node> &itemsAt(const Node *parent, std::string_view key)
{
    static const std::vector<Node> none;
    const Node *value = valueAt(parent, key);
    return value && value->isSequence() ? value->items() : none;
}

std::string textOf(const Node *parent, std::string_view key)
{
    const Node *value = valueAt(parent, key);
    return value && value->isScalar() ? value->text() : std::string();
}

bool flagOf(const Node *parent, std::string_view key)
{
    return textOf(parent, key) == "true";
}

std::vector<std::string> stringsAt(const Node *parent, std::string_view key)
{
    std::vector<std::string> out;
    for (const Node &item : itemsAt(parent, key)) {
        if (item.isScalar() && !item.isNull())
            out.push_back(item.text());
    }
    return out;
}

QDateTime timeOf(const Node *parent, std::string_view key)
{
    const std::string text = textOf(parent, key);
    if (text.empty())
        return {};
    QDateTime time = QDateTime::fromString(QString::fromStdString(text), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace capstan::argocd::detail
