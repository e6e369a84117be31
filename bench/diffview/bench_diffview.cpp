// Times opening the side-by-side diff of a 10,000-line YAML pair (issue 6: "a
// 10,000-line pair opens in under 100 ms"): buildDiffDocument, constructing
// the view, setDocument and the first paint, median of several runs. Also
// times jumping change by change to the last one, the step that highlights
// the most lines not yet seen.
//
//   bench_diffview [--runs N] [--screenshot FILE.png]   (FILE-dark.png is the dark palette)
#include "diff/diffarea.h"
#include "diff/diffview.h"
#include "diff/resourcedifflist.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPalette>
#include <QPixmap>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace capstan::ui;

namespace {

// Deployments and Services as a rendered overlay has them, to `lines` lines.
QByteArrayList generateManifest(int lines)
{
    QByteArrayList out;
    for (int i = 0; out.size() < lines; ++i) {
        const QByteArray name = "service-" + QByteArray::number(i);
        out << "---"
            << "apiVersion: apps/v1"
            << "kind: Deployment"
            << "metadata:"
            << "  labels:"
            << "    app.kubernetes.io/name: " + name << "    app.kubernetes.io/part-of: shop"
            << "  name: " + name << "  namespace: prod"
            << "spec:"
            << "  replicas: 3"
            << "  selector:"
            << "    matchLabels:"
            << "      app.kubernetes.io/name: " + name << "  template:"
            << "    metadata:"
            << "      labels:"
            << "        app.kubernetes.io/name: " + name << "    spec:"
            << "      containers:"
            << "      - env:"
            << "        - name: LOG_LEVEL"
            << "          value: info"
            << "        image: registry.example.com/shop/" + name + ":1.4." + QByteArray::number(i % 17)
            << "        name: app"
            << "        ports:"
            << "        - containerPort: 8080"
            << "          name: http"
            << "        resources:"
            << "          limits:"
            << "            cpu: 500m"
            << "            memory: 256Mi"
            << "---"
            << "apiVersion: v1"
            << "kind: Service"
            << "metadata:"
            << "  name: " + name << "spec:"
            << "  ports:"
            << "  - port: 80"
            << "    targetPort: http"
            << "  selector:"
            << "    app.kubernetes.io/name: " + name;
    }
    out.resize(lines);
    return out;
}

// Scattered edits: tag bumps, replica changes, inserted and removed lines.
QByteArrayList mutate(QByteArrayList lines, int changes, unsigned seed)
{
    std::mt19937 random(seed);
    for (int c = 0; c < changes; ++c) {
        const qsizetype at = static_cast<qsizetype>(random() % static_cast<unsigned>(lines.size()));
        switch (c % 4) {
        case 0:
            lines[at] = lines[at] + " # edited";
            break;
        case 1:
            lines[at].replace("3", "5");
            break;
        case 2:
            lines.insert(at, "        - name: FEATURE_FLAG_" + QByteArray::number(c));
            break;
        default:
            lines.removeAt(at);
            break;
        }
    }
    return lines;
}

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Timing
{
    double build = 0;
    double open = 0; // construct + setDocument + first paint
    double construct = 0;
    double setDocument = 0;
    double paint = 0;
    double jumpToLast = 0;
};

Timing openOnce(
    const QByteArray &left, const QByteArray &right, QPixmap *shot = nullptr, const QPalette *palette = nullptr)
{
    Timing t;
    QElapsedTimer timer;
    timer.start();
    DiffDocumentPtr document = buildDiffDocument(QStringLiteral("Live"), left, QStringLiteral("Desired (Git)"), right);
    t.build = elapsedMs(timer);

    timer.restart();
    DiffView view;
    if (palette)
        view.setPalette(*palette);
    view.resize(1400, 900);
    t.construct = elapsedMs(timer);
    view.setDocument(document);
    t.setDocument = elapsedMs(timer) - t.construct;
    QPixmap first = view.grab(); // lays out and paints the visible rows
    t.open = elapsedMs(timer);
    t.paint = t.open - t.construct - t.setDocument;

    timer.restart();
    for (std::size_t i = 0; i < document->diff.changeStarts.size(); ++i)
        view.area()->nextChange();
    view.grab();
    t.jumpToLast = elapsedMs(timer);

    if (shot) {
        view.area()->setCursorRow(0);
        view.area()->verticalScrollBar()->setValue(0);
        view.area()->nextChange();
        view.area()->nextChange();
        *shot = view.grab();
    }
    return t;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int runs = 9;
    QString screenshot;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--screenshot"))
            screenshot = args[i + 1];
    }

    const QByteArrayList leftLines = generateManifest(10000);
    const QByteArray left = leftLines.join('\n') + '\n';
    const QByteArray right = mutate(leftLines, 60, 7).join('\n') + '\n';

    const Timing cold = openOnce(left, right);
    std::vector<double> build, open, total, jump, construct, set, paint;
    for (int i = 0; i < runs; ++i) {
        const Timing t = openOnce(left, right);
        build.push_back(t.build);
        open.push_back(t.open);
        total.push_back(t.build + t.open);
        jump.push_back(t.jumpToLast);
        construct.push_back(t.construct);
        set.push_back(t.setDocument);
        paint.push_back(t.paint);
    }
    std::printf("10,000-line pair, 60 scattered edits, median of %d runs:\n", runs);
    std::printf("  buildDiffDocument          %7.2f ms\n", median(build));
    std::printf("  view + setDocument + paint %7.2f ms\n", median(open));
    std::printf("    construct the view       %7.2f ms\n", median(construct));
    std::printf("    setDocument              %7.2f ms\n", median(set));
    std::printf("    first paint (grab)       %7.2f ms\n", median(paint));
    std::printf("  open (sum)                 %7.2f ms   (target < 100 ms)\n", median(total));
    std::printf(
        "  first open in the process  %7.2f ms   (includes loading the syntax definitions)\n", cold.build + cold.open);
    std::printf(
        "  then F7 to the last change %7.2f ms   (highlights the lines above it in its YAML document)\n", median(jump));

    if (!screenshot.isEmpty()) {
        QPixmap light;
        openOnce(left, right, &light);
        light.save(screenshot);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
        dark.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
        dark.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
        dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
        dark.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        QPixmap darkShot;
        openOnce(left, right, &darkShot, &dark);
        QString darkFile = screenshot;
        darkFile.replace(QLatin1String(".png"), QLatin1String("-dark.png"));
        darkShot.save(darkFile);

        // The list of changed resources beside the selected one's diff.
        ResourceDiffList list;
        list.resize(1400, 500);
        list.setDiffs(buildResourceDiffs(
            std::vector<ResourceTexts> {
                { QStringLiteral("apps/Deployment:prod/frontend"), leftLines.mid(0, 32).join('\n') + '\n',
                    mutate(leftLines.mid(0, 32), 4, 3).join('\n') + '\n' },
                { QStringLiteral("/Secret:prod/payment-credentials"),
                    "apiVersion: v1\ndata:\n  password: c2VjcmV0\n  user: YWRtaW4=\nkind: Secret\n",
                    "apiVersion: v1\ndata:\n  password: bmV3\n  user: YWRtaW4=\nkind: Secret\n" },
                { QStringLiteral("/ConfigMap:prod/feature-flags"), QByteArray(), "apiVersion: v1\nkind: ConfigMap\n" },
            },
            QStringLiteral("Live"), QStringLiteral("Desired (Git)")));
        QString listFile = screenshot;
        listFile.replace(QLatin1String(".png"), QLatin1String("-list.png"));
        list.grab().save(listFile);
        std::printf("screenshots: %s %s %s\n", qPrintable(screenshot), qPrintable(darkFile), qPrintable(listFile));
    }
    return 0;
}
