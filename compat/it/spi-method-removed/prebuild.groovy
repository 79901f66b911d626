// Copies this checkout's spi sources (spiSources, set by compat/pom.xml) into the project and removes one
// public method, so that the only difference from spi is a binary-incompatible one.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path from = Path.of(spiSources)
Path to = basedir.toPath().resolve('src/main/java')
Files.walk(from).withCloseable { paths ->
    paths.filter { Files.isRegularFile(it) }.forEach { file ->
        Path target = to.resolve(from.relativize(file).toString())
        Files.createDirectories(target.parent)
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING)
    }
}

Path changed = to.resolve('io/codeanatomy/spi/PluginDependency.java')
String source = Files.readString(changed)
String removed = source.replaceFirst(/(?s)\n    public static PluginDependency optional\(String id, String versions\) \{.*?\n    \}\n/, '\n')
if (removed == source) {
    throw new IllegalStateException("PluginDependency.optional(String, String) is not in ${changed}: choose another public spi method for this test")
}
Files.writeString(changed, removed)
return true
