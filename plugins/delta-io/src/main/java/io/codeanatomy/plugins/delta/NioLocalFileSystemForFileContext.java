package io.codeanatomy.plugins.delta;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsConstants;

/**
 * {@link NioLocalFileSystem} behind Hadoop's other file system API, {@code AbstractFileSystem}, which
 * {@code FileContext} uses and Delta's log store commits through ({@code fs.AbstractFileSystem.file.impl});
 * {@code NioLocalFileSystem} itself serves the {@code FileSystem} API ({@code fs.file.impl}). Hadoop
 * instantiates it by reflection with this constructor.
 */
public class NioLocalFileSystemForFileContext extends DelegateToFileSystem {
    public NioLocalFileSystemForFileContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
        super(uri, new NioLocalFileSystem(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    /** Local names may hold any character but the separator, as for Hadoop's own local file system. */
    @Override
    public boolean isValidName(String src) {
        return true;
    }
}
