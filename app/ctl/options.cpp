#include "ctl/options.h"

namespace capstan::ctl {

std::optional<QStringList> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                          const Command &command, Streams &io)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("capstanctl"));
    if (!parser.parse(argv)) {
        io.err << "capstanctl " << command.name() << ": " << parser.errorText() << "\n\n" << command.usage();
        return std::nullopt;
    }
    return parser.positionalArguments();
}

} // namespace capstan::ctl
