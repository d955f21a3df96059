#!/bin/sh
# .ci/run must run exactly the README's test command (the second fenced set-up command).
root="$1"
readme_cmd=$(awk '/^```sh$/{n++; next} /^```$/{next} n==2{print; exit}' "$root/README.md")
ci_cmd=$(grep -v '^#' "$root/.ci/run" | grep -v '^set ' | grep -v '^cd ' | sed '/^$/d' | tail -n 1)
if [ -z "$readme_cmd" ] || [ "$readme_cmd" != "$ci_cmd" ]; then
    echo "README test command: $readme_cmd"
    echo ".ci/run command:     $ci_cmd"
    exit 1
fi
echo "ok: $ci_cmd"
