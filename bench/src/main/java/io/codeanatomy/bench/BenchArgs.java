package io.codeanatomy.bench;

/** The arguments the in-memory harnesses share: a leading size, then {@code --name N} options. */
final class BenchArgs {
    private BenchArgs() {
    }

    /** The leading number of {@code args}, or {@code fallback} when the first argument is an option or missing. */
    static int size(String[] args, int fallback) {
        return args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : fallback;
    }

    /** The number after option {@code name}, or {@code fallback} when it is not given. */
    static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
