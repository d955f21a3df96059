// Writes the generated part of the fuzz seed corpora (tests/fuzz/README.md): an export in each
// format, packed as export_import reads it, and a backup archive. Run it again when the export or
// backup format changes:  build/dev/tests/fuzz/fuzz_seedgen tests/fuzz/corpus
#include "core/conversations/conversationrepository.h"
#include "core/data/backup.h"
#include "core/data/exporter.h"
#include "core/decks/deckrepository.h"
#include "core/rehearsal/pitchrepository.h"
#include "core/rehearsal/takerepository.h"
#include "core/storage/store.h"
#include "tests/support/testtake.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>

using namespace rapport;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 30, 15, 250), Qt::UTC);

bool fill(const storage::Store& store)
{
    const storage::Database& db = *store.database;
    rehearsal::PitchRepository pitches(db);
    rehearsal::Pitch pitch;
    pitch.title = u"Intro, the \"long\" one — café"_s;
    pitch.occasion = u"networking"_s;
    pitch.text = u"Hi, I'm Sam.\nI build tools that help teams ship faster."_s;
    pitch.targetMs = 60'000;
    pitch.lights = rehearsal::defaultLightsFor(60'000);
    const auto pitchId = pitches.add(pitch, kNow);
    if (!pitchId)
        return false;

    const QString audio = store.paths.recordings() + u"/take-1.wav"_s;
    if (!test::writeToneTake(audio, 800, 2400, 800).isEmpty())
        return false;
    rehearsal::TakeRepository takes(db);
    rehearsal::Take take;
    take.pitchId = *pitchId;
    take.startedAt = kNow.addSecs(60);
    take.lights = pitch.lights;
    take.audioPath = audio;
    take.starred = true;
    take.report = test::everyFieldReport();
    take.words = test::everyFieldWords();
    take.rating.overall = 4;
    take.rating.feltPace = rehearsal::FeltPace::Fast;
    take.rating.note = u"rushed the ask"_s;
    take.rating.ratedAt = kNow.addSecs(120);
    rehearsal::Take plain;
    plain.pitchId = *pitchId;
    plain.startedAt = kNow.addSecs(600);
    plain.lights = pitch.lights;
    plain.report.durationS = 3.25;
    if (!takes.add(take) || !takes.add(plain))
        return false;

    decks::DeckRepository decks(db);
    if (!decks.recordDraw(
            { u"rapport.fun"_s, u"f-01"_s }, decks::Zone::Fun, u"Best snack?"_s, kNow.addSecs(10)))
        return false;
    conversations::ConversationRepository conversations(db);
    conversations::Conversation talk;
    talk.happenedOn = QDate(2026, 11, 22);
    talk.withWhom = u"Alex"_s;
    talk.rating = 5;
    talk.createdAt = kNow.addSecs(30);
    talk.questions = { { { u"rapport.fun"_s, u"f-01"_s }, u"Best snack?"_s } };
    return conversations.add(talk).ok();
}

// The files of an export folder as one export_import input: "--- NAME" before each.
QByteArray packed(const QString& folder)
{
    QByteArray out;
    for (const QString& name : QDir(folder).entryList(QDir::Files, QDir::Name)) {
        QFile file(folder + u'/' + name);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        out += "--- " + name.toUtf8() + '\n' + file.readAll();
        if (!out.endsWith('\n'))
            out += '\n';
    }
    return out;
}

bool write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seedgen CORPUS_FOLDER\n");
        return 2;
    }
    const QString corpus = QString::fromLocal8Bit(argv[1]);
    QTemporaryDir scratch;
    auto store = storage::openStore(scratch.filePath(u"data"_s));
    if (!store || !fill(*store)) {
        std::fprintf(stderr, "cannot fill a data folder\n");
        return 1;
    }
    for (const auto& [format, name] : { std::pair { data::ExportFormat::Csv, u"csv"_s },
             std::pair { data::ExportFormat::Json, u"json"_s } }) {
        const QString folder = scratch.filePath(u"export-"_s + name);
        if (!data::exportData(*store->database, folder, format)
            || !write(corpus + u"/export_import/export-"_s + name, packed(folder))) {
            std::fprintf(stderr, "cannot write the %s export seed\n", qPrintable(name));
            return 1;
        }
    }
    // The archive is written compressed; the seed is its tar (gunzip it), which mutations can
    // reach into: libarchive reads both.
    if (!data::createBackup(store->paths, corpus + u"/backup_archive/backup.tar.gz"_s, kNow)) {
        std::fprintf(stderr, "cannot write the backup seed\n");
        return 1;
    }
    return 0;
}
