#pragma once

#include <QByteArray>

namespace capstan::ui {

// Masks the values under `data:` and `stringData:` of every `kind: Secret`
// document in a pair of YAML streams, the way the compare engine does (per key,
// one mask per distinct value, "++++++++" then four more "+" for each further
// one), so that equal values still look equal and changed ones differ. Values
// that are already masks are kept. The engine masks before text reaches a
// view; this is the view's own guard, so a path that forgot cannot show a
// secret. Line-based: top-level keys of block-style documents, as
// manifest::emitYaml and kubectl write them.
void maskSecretValues(QByteArray &left, QByteArray &right);

} // namespace capstan::ui
