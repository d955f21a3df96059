#pragma once

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

// The libFuzzer entry points every target defines (tests/fuzz/README.md). The same sources build
// two ways: with clang's libFuzzer (the fuzz preset), which calls them with generated inputs, and
// with replay_main.cpp in the ordinary build, which calls them with every file of the seed corpus
// and of the regressions found so far, so those stay tested by every compiler and sanitizer.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace rapport::fuzz {

/// Makes the QCoreApplication a target needs (Qt SQL loads its driver through it) and a private
/// scratch folder, removed at exit. Call once, from LLVMFuzzerInitialize.
void initialise(int* argc, char*** argv);

/// The scratch folder made by initialise(); `name` inside it when given.
QString scratch(const QString& name = {});

/// Replaces `path` with `bytes`; aborts when it cannot (a broken machine, not a finding).
void writeFile(const QString& path, const QByteArray& bytes);

/// Removes `path` (a file or a folder with its content) if it is there.
void removePath(const QString& path);

/// A finding: prints `what` and aborts, so libFuzzer keeps the input that led here.
[[noreturn]] void fail(const char* what, const QString& detail = {});

/// The input as bytes, without copying.
inline QByteArray bytesOf(const std::uint8_t* data, std::size_t size)
{
    return QByteArray::fromRawData(
        reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

} // namespace rapport::fuzz
