#include "ctl/render_output.h"

namespace capstan::ctl {

int printRenderError(const std::string &message, std::ostream &err)
{
    err << "capstanctl render: " << message << '\n';
    return 1;
}

int printRender(const kustomize::RenderOutcome &result, std::ostream &out, std::ostream &err)
{
    // Warnings first, as kubectl kustomize prints them, also before an error.
    for (const std::string &warning : result ? result->warnings : result.error().warnings)
        err << warning << '\n';
    if (!result)
        return printRenderError(result.error().toString(), err);
    out << result->yaml;
    return 0;
}

} // namespace capstan::ctl
