#include "reconcile/textdiff/lines.h"

namespace capstan::textdiff {

Lines splitLines(std::string_view text)
{
    Lines result;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            result.lines.push_back(text.substr(start));
            result.finalNewline = false;
            break;
        }
        result.lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return result;
}

} // namespace capstan::textdiff
