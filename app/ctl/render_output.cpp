#include "ctl/render_output.h"

namespace capstan::ctl {

int printRenderError(const std::string &message, std::ostream &err)
{
    err << "capstanctl render: " << message << '\n';
    return 1;
}

int printRender(const Result<kustomize::RenderResult> &result, std::ostream &out, std::ostream &err)
{
    if (!result)
        return printRenderError(result.error().toString(), err);
    for (const std::string &warning : result->warnings)
        err << warning << '\n';
    out << result->yaml;
    return 0;
}

} // namespace capstan::ctl
