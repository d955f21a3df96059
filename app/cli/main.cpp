#include "app/cli/cli.h"
#include "core/common/application.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    rapport::setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return rapport::cli::run(QCoreApplication::arguments().mid(1), out, err);
}
