package cn.nantong.hotline.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one call on several threads released together, for races: two people, or a client and its retry. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The answers of {@code threads} copies of one call, once every call has returned. */
    public static <T> List<T> run(int threads, Callable<T> call) throws Exception {
        return run(Collections.nCopies(threads, call));
    }

    /** The answers, in the calls' order, once every call has returned; each call runs on its own thread. */
    public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (Callable<T> call : calls) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : pending) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
