// Plays one file with WavPlayer in a process of its own, so a test can give it a sound server
// (or a dead one) through the environment and kill that server mid-playback. Prints one line per
// event: "playing <durationMs>", "finished <positionMs>", "failed: <error>", "error: <error>".
// Exit codes: 0 finished, 3 play() refused, 4 failed() mid-playback, 5 timed out, 2 usage.
#include "app/audio/wavplayer.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using rapport::audio::WavPlayer;

namespace {

void say(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        say(QStringLiteral("usage: wavplayer_child FILE"));
        return 2;
    }
    WavPlayer player;
    QObject::connect(&player, &WavPlayer::finished, &app, [&] {
        say(QStringLiteral("finished %1").arg(player.positionMs()));
        app.exit(0);
    });
    QObject::connect(&player, &WavPlayer::failed, &app, [&](const rapport::Error& error) {
        say(QStringLiteral("failed: ") + error.toString());
        app.exit(4);
    });
    const rapport::Status status = player.play(QString::fromLocal8Bit(argv[1]));
    if (!status) {
        say(QStringLiteral("error: ") + status.error().toString());
        return 3;
    }
    say(QStringLiteral("playing %1").arg(player.durationMs()));
    QTimer::singleShot(60'000, &app, [&] {
        say(QStringLiteral("timed out at %1 ms").arg(player.positionMs()));
        app.exit(5);
    });
    return app.exec();
}
