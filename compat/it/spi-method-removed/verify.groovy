// The build failed because of the compatibility check, naming the removed method, not for any other reason.
String log = new File(basedir, 'build.log').text
String expected = 'io.codeanatomy.spi.PluginDependency.optional(java.lang.String,java.lang.String):METHOD_REMOVED'
if (!log.contains('japicmp-maven-plugin') || !log.contains(expected)) {
    throw new IllegalStateException("the compatibility check did not report ${expected}; see ${basedir}/build.log")
}
return true
