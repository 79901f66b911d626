package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The Parquet writer's buffer pool: what it hands out looks fresh to parquet-mr, and what it keeps is bounded. */
class TestSlabPool {
    @Test
    void aReleasedBufferComesBackForTheSameSizeClassWithItsLimitAtTheSizeAsked() {
        SlabPool pool = new SlabPool(1 << 20);
        ByteBuffer first = pool.allocate(1_000);
        assertThat(first.capacity()).isEqualTo(1_024);
        assertThat(first.limit()).isEqualTo(1_000);
        first.put(new byte[700]);
        pool.release(first);
        assertThat(pool.pooledBytes()).isEqualTo(1_024);

        ByteBuffer again = pool.allocate(900);
        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(900);
        assertThat(again.remaining()).isEqualTo(900);
        assertThat(pool.pooledBytes()).isZero();
        assertThat(pool.allocate(900)).isNotSameAs(first);
    }

    @Test
    void aBufferReleasedTwiceIsHandedOutOnce() {
        SlabPool pool = new SlabPool(1 << 20);
        ByteBuffer buffer = pool.allocate(64);
        pool.release(buffer);
        pool.release(buffer);

        assertThat(pool.pooledBytes()).isEqualTo(64);
        assertThat(pool.allocate(64)).isSameAs(buffer);
        assertThat(pool.allocate(64)).isNotSameAs(buffer);
    }

    @Test
    void itKeepsNoMoreThanItsBoundNorBuffersItDidNotSize() {
        SlabPool pool = new SlabPool(4_096);
        ByteBuffer a = pool.allocate(4_096);
        ByteBuffer b = pool.allocate(4_096);
        pool.release(a);
        pool.release(b);
        assertThat(pool.pooledBytes()).isEqualTo(4_096);

        pool.release(ByteBuffer.allocate(1_000));
        pool.release(ByteBuffer.allocateDirect(1_024));
        assertThat(pool.pooledBytes()).isEqualTo(4_096);

        ByteBuffer large = pool.allocate((1 << 24) + 1);
        assertThat(large.capacity()).isEqualTo((1 << 24) + 1);
    }
}
