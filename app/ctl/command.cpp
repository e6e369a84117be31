#include "ctl/command.h"

namespace capstan::ctl {

std::ostream &operator<<(std::ostream &stream, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return stream.write(utf8.constData(), utf8.size());
}

} // namespace capstan::ctl
