#include "argo/app_tree.h"

#include <algorithm>
#include <deque>
#include <set>

namespace capstan::argo {

namespace {

// Tarjan's strongly connected components; a component with more than one
// node, or a node with an edge to itself, is a cycle.
class CycleFinder
{
public:
    explicit CycleFinder(const std::map<std::string, std::vector<std::string>> &edges)
        : m_edges(edges)
    {
    }

    std::vector<std::set<std::string>> cyclicComponents()
    {
        for (const auto &[node, _] : m_edges) {
            if (!m_index.count(node))
                visit(node);
        }
        return m_cyclic;
    }

private:
    // Iterative, so a deep chain of applications cannot exhaust the stack.
    void visit(const std::string &start)
    {
        struct Frame
        {
            std::string node;
            std::size_t next = 0;
        };
        std::vector<Frame> frames { { start, 0 } };
        enter(start);
        while (!frames.empty()) {
            Frame &frame = frames.back();
            const std::vector<std::string> &out = m_edges.at(frame.node);
            if (frame.next < out.size()) {
                const std::string &child = out[frame.next++];
                if (!m_index.count(child)) {
                    enter(child);
                    frames.push_back({ child, 0 });
                } else if (m_onStack.count(child)) {
                    m_low[frame.node] = std::min(m_low[frame.node], m_index[child]);
                }
                continue;
            }
            const std::string node = frame.node;
            frames.pop_back();
            if (!frames.empty())
                m_low[frames.back().node] = std::min(m_low[frames.back().node], m_low[node]);
            if (m_low[node] == m_index[node])
                popComponent(node);
        }
    }

    void enter(const std::string &node)
    {
        m_index[node] = m_low[node] = m_counter++;
        m_stack.push_back(node);
        m_onStack.insert(node);
    }

    void popComponent(const std::string &root)
    {
        std::set<std::string> component;
        for (;;) {
            std::string top = m_stack.back();
            m_stack.pop_back();
            m_onStack.erase(top);
            component.insert(top);
            if (top == root)
                break;
        }
        const auto &out = m_edges.at(root);
        const bool selfLoop = std::find(out.begin(), out.end(), root) != out.end();
        if (component.size() > 1 || selfLoop)
            m_cyclic.push_back(std::move(component));
    }

    const std::map<std::string, std::vector<std::string>> &m_edges;
    std::map<std::string, int> m_index;
    std::map<std::string, int> m_low;
    std::vector<std::string> m_stack;
    std::set<std::string> m_onStack;
    std::vector<std::set<std::string>> m_cyclic;
    int m_counter = 0;
};

// The shortest path from `app` back to itself inside its component.
std::vector<std::string> cycleThrough(const std::string &app, const std::set<std::string> &component,
    const std::map<std::string, std::vector<std::string>> &edges)
{
    std::map<std::string, std::string> cameFrom;
    std::deque<std::string> queue { app };
    while (!queue.empty()) {
        const std::string node = queue.front();
        queue.pop_front();
        for (const std::string &child : edges.at(node)) {
            if (!component.count(child))
                continue;
            if (child == app) {
                std::vector<std::string> path { app };
                for (std::string at = node; at != app; at = cameFrom.at(at))
                    path.push_back(at);
                path.push_back(app);
                std::reverse(path.begin() + 1, path.end() - 1);
                return path;
            }
            if (!cameFrom.count(child) && child != app) {
                cameFrom[child] = node;
                queue.push_back(child);
            }
        }
    }
    return { app, app };
}

std::string joinPath(const std::vector<std::string> &path)
{
    std::string out;
    for (const std::string &step : path)
        out += (out.empty() ? "" : " → ") + step;
    return out;
}

} // namespace

AppTree buildAppTree(const std::map<std::string, std::vector<std::string>> &childrenOf)
{
    AppTree tree;
    for (const auto &[app, kids] : childrenOf) {
        std::vector<std::string> &mine = tree.children[app];
        for (const std::string &kid : kids) {
            if (std::find(mine.begin(), mine.end(), kid) == mine.end())
                mine.push_back(kid);
        }
    }
    // Children that are not keys are leaves; give them an entry too.
    for (const auto &[app, kids] : std::map(tree.children)) {
        for (const std::string &kid : kids) {
            tree.children.try_emplace(kid);
            tree.parents[kid].push_back(app);
        }
    }
    for (const auto &[app, _] : tree.children) {
        if (!tree.parents.count(app))
            tree.roots.push_back(app);
    }

    for (const std::set<std::string> &component : CycleFinder(tree.children).cyclicComponents()) {
        for (const std::string &app : component)
            tree.cycles[app] = cycleThrough(app, component, tree.children);
    }

    // Breadth first from the roots: the depth is the shortest way down.
    std::deque<std::string> queue(tree.roots.begin(), tree.roots.end());
    for (const std::string &root : tree.roots)
        tree.depths[root] = 0;
    while (!queue.empty()) {
        const std::string app = queue.front();
        queue.pop_front();
        for (const std::string &kid : tree.children.at(app)) {
            if (tree.depths.try_emplace(kid, tree.depths.at(app) + 1).second)
                queue.push_back(kid);
        }
    }
    return tree;
}

int AppTree::depth(const std::string &app) const
{
    const auto it = depths.find(app);
    return it == depths.end() ? -1 : it->second;
}

std::vector<std::string> AppTree::descendants(const std::string &app) const
{
    std::vector<std::string> out;
    std::set<std::string> seen { app };
    std::deque<std::string> queue { app };
    while (!queue.empty()) {
        const std::string node = queue.front();
        queue.pop_front();
        const auto it = children.find(node);
        if (it == children.end())
            continue;
        for (const std::string &kid : it->second) {
            if (seen.insert(kid).second) {
                out.push_back(kid);
                queue.push_back(kid);
            }
        }
    }
    return out;
}

std::vector<Condition> AppTree::conditionsFor(const std::string &app) const
{
    std::vector<Condition> out;
    if (const auto it = cycles.find(app); it != cycles.end())
        out.push_back({ ConditionType::InvalidSpecError, "app-of-apps cycle: " + joinPath(it->second), {} });
    if (const auto it = parents.find(app); it != parents.end() && it->second.size() > 1) {
        std::string names;
        for (const std::string &p : it->second)
            names += (names.empty() ? "" : ", ") + p;
        out.push_back({ ConditionType::SharedResourceWarning,
            "application is rendered by more than one application: " + names, {} });
    }
    return out;
}

} // namespace capstan::argo
