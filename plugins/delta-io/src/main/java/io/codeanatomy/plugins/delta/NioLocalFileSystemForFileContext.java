package io.codeanatomy.plugins.delta;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsConstants;

/**
 * {@link NioLocalFileSystem} for Hadoop's {@code FileContext}, through which Delta's log store
 * commits; Hadoop instantiates it by reflection with this constructor.
 */
public class NioLocalFs extends DelegateToFileSystem {
    public NioLocalFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
        super(uri, new NioLocalFileSystem(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    /** Local names may hold any character but the separator, as for Hadoop's own local file system. */
    @Override
    public boolean isValidName(String src) {
        return true;
    }
}
