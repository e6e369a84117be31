#include "reconcile/compare/secrets.h"

#include <map>
#include <set>
#include <string>

namespace capstan::compare {

using manifest::Node;

bool isSecret(const Node &object)
{
    return object.textAt({ "apiVersion" }) == "v1" && object.textAt({ "kind" }) == "Secret";
}

void maskSecretData(Node *desired, Node *live)
{
    Node *data[2] = { nullptr, nullptr };
    Node *sides[2] = { desired, live };
    std::set<std::string> keys;
    for (int i = 0; i < 2; ++i) {
        if (!sides[i] || !sides[i]->isMap())
            continue;
        data[i] = sides[i]->find("data");
        if (data[i] && data[i]->isMap()) {
            for (const manifest::MapEntry &entry : data[i]->entries())
                keys.insert(entry.key);
        } else if (data[i] && !data[i]->isNull()) {
            *data[i] = Node::string("++++++++"); // malformed data: hide it whole
            data[i] = nullptr;
        } else {
            data[i] = nullptr;
        }
    }
    for (const std::string &key : keys) {
        std::map<std::string, std::string> maskOf;
        std::string next = "++++++++";
        for (Node *d : data) {
            Node *value = d ? d->find(key) : nullptr;
            if (!value)
                continue;
            // A non-scalar value is compared by identity of its text; it is never shown.
            const std::string text = value->isScalar() ? value->text() : std::string("\x01structured");
            auto [it, inserted] = maskOf.try_emplace(text, next);
            if (inserted)
                next += "++++";
            *value = Node::string(it->second);
        }
    }
}

} // namespace capstan::compare
