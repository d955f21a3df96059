#include "app/cli/commands.h"
#include "core/common/clock.h"
#include "core/progress/goal.h"
#include "core/progress/weeklystats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace rapport::cli {

using namespace rapport::progress;

namespace {

QJsonValue rounded(const std::optional<double>& v, int decimals = 2)
{
    if (!v)
        return QJsonValue();
    const double scale = std::pow(10.0, decimals);
    return std::round(*v * scale) / scale;
}

QString cell(const std::optional<double>& v, int decimals, int width)
{
    return (v ? QString::number(*v, 'f', decimals) : QStringLiteral("—")).rightJustified(width);
}

// A share (0-1) as a whole percentage, right-justified to `width`.
QString percentCell(const std::optional<double>& share, int width)
{
    return (share ? QStringLiteral("%1 %").arg(std::lround(*share * 100)) : QStringLiteral("—"))
        .rightJustified(width);
}

// Seconds with one decimal ("2.5 s"), right-justified to `width`.
QString secondsCell(const std::optional<double>& seconds, int width)
{
    return (seconds ? QStringLiteral("%1 s").arg(*seconds, 0, 'f', 1) : QStringLiteral("—"))
        .rightJustified(width);
}

} // namespace

int progressCommand(CommandContext& ctx, const QStringList& args)
{
    const QString name = QStringLiteral("progress");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Your practice week by week (ISO weeks, local time): takes, minutes, cards drawn, real "
        "conversations, self-rating, share of takes on target, pace, cards answered out loud and "
        "the time to their first word, and the weekly goal.\n\n"
        "  progress [--weeks N] [--json]\n"
        "  progress --set-goal TAKES,CONVERSATIONS     e.g. --set-goal 3,2"));
    const QCommandLineOption weeks(QStringLiteral("weeks"),
        QStringLiteral("How many weeks back, this week included (default 12)."),
        QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption setGoal(QStringLiteral("set-goal"),
        QStringLiteral("Set the weekly goal: takes and conversations."), QStringLiteral("T,C"));
    parser.addOptions({ weeks, json, setGoal });
    if (std::optional<int> stop = parseCommandLine(ctx, parser, name, args))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return ctx.usageError(name,
            QStringLiteral("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    int count = 12;
    if (parser.isSet(weeks)) {
        const std::optional<int> n
            = ctx.wholeNumber(name, QStringLiteral("weeks"), parser.value(weeks), 1040);
        if (!n)
            return kExitUsage;
        count = *n;
    }
    std::optional<WeeklyGoal> newGoal;
    if (parser.isSet(setGoal)) {
        const QStringList parts = parser.value(setGoal).split(QLatin1Char(','));
        bool okTakes = false;
        bool okConversations = false;
        if (parts.size() == 2)
            newGoal = WeeklyGoal { parts[0].trimmed().toInt(&okTakes),
                parts[1].trimmed().toInt(&okConversations) };
        if (!okTakes || !okConversations)
            return ctx.usageError(name,
                QStringLiteral("--set-goal takes TAKES,CONVERSATIONS such as 3,2, not '%1'.")
                    .arg(parser.value(setGoal)));
    }

    std::optional<storage::Store> store
        = ctx.openStore(newGoal ? storage::StoreUse::ReadWrite : storage::StoreUse::Read);
    if (!store)
        return kExitData;
    if (newGoal) {
        if (Status s = saveGoal(*store->database, *newGoal); !s)
            return ctx.fail(
                s.error(), s.error().kind == ErrorKind::InvalidArgument ? kExitUsage : kExitData);
    }
    Result<WeeklyGoal> goal = loadGoal(*store->database);
    if (!goal)
        return ctx.fail(goal.error(), kExitData);
    const WeeklyStatsQuery query(*store->database);
    const IsoWeek current = query.weekOf(SystemClock().nowUtc());
    IsoWeek first = current;
    for (int i = 1; i < count; ++i)
        first = first.previous();
    Result<QList<WeekStats>> result = query.weeks(first, current, *goal);
    if (!result)
        return ctx.fail(result.error(), kExitData);

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const WeekStats& w : *result) {
            array << QJsonObject { { QStringLiteral("week"), w.week.key() },
                { QStringLiteral("takes"), w.takes },
                { QStringLiteral("minutes"), rounded(w.minutes, 1) },
                { QStringLiteral("cards_drawn"), w.cardsDrawn() },
                { QStringLiteral("conversations"), w.conversations },
                { QStringLiteral("avg_self_rating"), rounded(w.avgSelfRating) },
                { QStringLiteral("on_target_ratio"), rounded(w.onTargetRatio) },
                { QStringLiteral("avg_wpm"), rounded(w.avgWpm, 1) },
                { QStringLiteral("fillers_per_minute"), rounded(w.fillersPerMinute, 1) },
                { QStringLiteral("script_coverage"), rounded(w.scriptCoverage) },
                { QStringLiteral("answers"), w.answers },
                { QStringLiteral("avg_first_word_s"), rounded(w.avgFirstWordS, 1) },
                { QStringLiteral("answer_fillers_per_minute"),
                    rounded(w.answerFillersPerMinute, 1) },
                { QStringLiteral("avg_answer_rating"), rounded(w.avgAnswerRating) },
                { QStringLiteral("goal_met"), w.goalMet } };
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        ctx.out.flush();
        return kExitOk;
    }
    const int streak = goalStreak(*result, true);
    auto plural = [](int n, const char* one, const char* many) -> QString {
        return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
    };
    ctx.out << "Weekly goal: " << plural(goal->takes, "take", "takes") << " and "
            << plural(goal->conversations, "conversation", "conversations")
            << ". Streak: " << plural(streak, "week", "weeks") << ".\n\n"
            << "week      takes  minutes  cards  convos  rating  on target  wpm  fillers/min  "
               "script  answers  first word  goal\n";
    for (const WeekStats& w : *result) {
        ctx.out << w.week.key() << QString::number(w.takes).rightJustified(7)
                << QString::number(w.minutes, 'f', 1).rightJustified(9)
                << QString::number(w.cardsDrawn()).rightJustified(7)
                << QString::number(w.conversations).rightJustified(8) << cell(w.avgSelfRating, 1, 8)
                << percentCell(w.onTargetRatio, 11) << cell(w.avgWpm, 0, 5)
                << cell(w.fillersPerMinute, 1, 13) << percentCell(w.scriptCoverage, 8)
                << QString::number(w.answers).rightJustified(9) << secondsCell(w.avgFirstWordS, 12)
                << (w.goalMet ? "   met" : "      ") << '\n';
    }
    ctx.out.flush();
    return kExitOk;
}

} // namespace rapport::cli
