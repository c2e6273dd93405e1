package io.hlsforge.jobs;

import io.hlsforge.config.CdnSpec;
import io.hlsforge.hosting.CdnInvalidator;
import io.hlsforge.hosting.HostingStore;
import io.hlsforge.hosting.HostingStores;
import io.hlsforge.layout.HostingKey;
import io.hlsforge.layout.HostingLayout;
import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.MediaException;
import io.hlsforge.pack.AssetPublisher;
import io.hlsforge.plan.Reuse;
import io.hlsforge.run.Stage;
import io.hlsforge.run.StageTimes;
import io.hlsforge.run.WorkTime;
import io.hlsforge.spark.JobGroups;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.Outcome;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.TaskSlots;
import io.hlsforge.storage.HadoopStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * Stage 3: derives every playlist from the manifest rows and publishes each asset (one task per
 * asset): segments, then media playlists, then masters. Finally the driver updates {@code
 * {hosting}/index.json}, the list the preview player shows.
 */
public final class PublishJob {
  private static final Logger LOG = LoggerFactory.getLogger(PublishJob.class);
  public static final Stage STAGE = Stage.PUBLISH;

  private final RunContext run;
  private final SparkSession spark;
  private final InputScope scope;

  private final Map<String, String> reused;

  public PublishJob(RunContext run, SparkSession spark, InputScope scope) {
    this(run, spark, scope, Map.of());
  }

  /**
   * @param scope publish what this run packaged (as `run` does), or the latest encoding of every
   *     asset
   * @param reused assets this run did not re-encode because their encoding was committed (asset →
   *     encoding); published too
   */
  public PublishJob(
      RunContext run, SparkSession spark, InputScope scope, Map<String, String> reused) {
    this.run = run;
    this.spark = spark;
    this.scope = scope;
    this.reused = Map.copyOf(reused);
  }

  public StageReport run() {
    long started = System.currentTimeMillis();
    JobGroups.enter(spark, STAGE, run, "to " + run.hostingUri());
    ManifestStore store = new ManifestStore(spark, run.outputUri());
    Dataset<Row> renditions =
        chosenRenditions(store.read(ManifestStore.RENDITIONS, RenditionRecord.class));
    Dataset<Row> segments =
        store
            .read(ManifestStore.SEGMENTS, SegmentRecord.class)
            .transform(
                seg ->
                    semiJoin(
                        seg, renditions.select("run_id", "asset_id", "encoding_id").distinct()));

    RecordRows<RenditionRecord> renditionRows = RecordRows.of(RenditionRecord.class);
    RecordRows<SegmentRecord> segmentRows = RecordRows.of(SegmentRecord.class);
    JavaPairRDD<String, RenditionRecord> byAssetR =
        renditions
            .javaRDD()
            .map(renditionRows::fromRow)
            .mapToPair(r -> new Tuple2<>(r.assetId(), r));
    JavaPairRDD<String, SegmentRecord> byAssetS =
        segments.javaRDD().map(segmentRows::fromRow).mapToPair(s -> new Tuple2<>(s.assetId(), s));
    long assets = byAssetR.keys().distinct().count();
    // A few tasks per task slot: publishing is I/O, and 10,000 tiny tasks would cost more in
    // scheduling than the playlists themselves. (At most 10,000, as for probing, when dynamic
    // allocation may add executors without limit.)
    int slots =
        TaskSlots.of(spark.sparkContext().getConf(), spark.sparkContext().defaultParallelism());
    int partitions = (int) Math.max(1, Math.min(assets, Math.min(10_000L, 4L * slots)));
    RunContext ctx = run;
    JavaRDD<Outcome<PublishedAsset>> outcomes =
        byAssetR
            .cogroup(byAssetS, partitions)
            .map(
                group ->
                    publishOne(ctx, group._1(), toList(group._2()._1()), toList(group._2()._2())))
            .cache();
    try {
      WorkTime work = Outcome.totalTime(outcomes);
      long commitStarted = System.currentTimeMillis();
      List<PublishedAsset> done = outcomes.filter(Outcome::succeeded).map(Outcome::value).collect();
      List<PublishedAsset> published = done.stream().filter(p -> !p.skipped()).toList();
      List<FailureRecord> failures =
          outcomes.filter(o -> !o.succeeded()).map(Outcome::failure).collect();
      store.append(ManifestStore.FAILURES, FailureRecord.class, failures);
      updateIndex(done);
      invalidateCdn(published);
      long commitMs = System.currentTimeMillis() - commitStarted;
      double seconds = published.stream().mapToDouble(PublishedAsset::durationS).sum();
      long retried = done.stream().mapToLong(PublishedAsset::retriedRequests).sum();
      if (retried > 0) {
        LOG.info(
            "publish: {} requests to {} were retried after transient failures",
            retried,
            run.hostingUri());
      }
      return new StageReport(
          STAGE,
          assets,
          published.size(),
          done.size() - published.size(),
          failures.size(),
          seconds,
          started,
          System.currentTimeMillis(),
          retried,
          new StageTimes(TaskSlots.used(spark, partitions), work, commitMs));
    } finally {
      outcomes.unpersist(false);
    }
  }

  /**
   * This run's renditions, or for every asset the renditions of its most recently packaged
   * encoding.
   */
  private Dataset<Row> chosenRenditions(Dataset<Row> all) {
    if (scope == InputScope.THIS_RUN) {
      Dataset<Row> mine = all.filter(functions.col("run_id").equalTo(run.runId()));
      if (reused.isEmpty()) {
        return mine;
      }
      // Reused encodings: their rows from the latest run that packaged exactly that encoding.
      List<Row> pairs =
          reused.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
      Dataset<Row> wanted =
          spark.createDataFrame(
              pairs,
              new StructType()
                  .add("asset_id", DataTypes.StringType)
                  .add("encoding_id", DataTypes.StringType));
      Dataset<Row> candidates =
          all.join(
              wanted,
              JavaConverters.asScalaBuffer(List.of("asset_id", "encoding_id")).toSeq(),
              "left_semi");
      return mine.unionByName(semiJoin(all, latestRunPerAsset(candidates)));
    }
    return semiJoin(all, latestRunPerAsset(all));
  }

  /** For each asset, the (asset, encoding, run) whose rows were packaged last. */
  private static Dataset<Row> latestRunPerAsset(Dataset<Row> renditions) {
    return renditions
        .groupBy("asset_id", "encoding_id", "run_id")
        .agg(functions.max("packaged_at_ms").alias("at"))
        .withColumn(
            "rank",
            functions
                .row_number()
                .over(Window.partitionBy("asset_id").orderBy(functions.col("at").desc())))
        .filter("rank = 1")
        .select("asset_id", "encoding_id", "run_id");
  }

  /** Rows of {@code left} whose (run_id, asset_id, encoding_id) appear in {@code keys}. */
  private static Dataset<Row> semiJoin(Dataset<Row> left, Dataset<Row> keys) {
    Column on = null;
    for (String c : List.of("run_id", "asset_id", "encoding_id")) {
      Column eq = left.col(c).equalTo(keys.col(c));
      on = on == null ? eq : on.and(eq);
    }
    return left.join(keys, on, "left_semi");
  }

  /** One asset's publication, or its failure row (the stage's per-asset boundary). */
  static Outcome<PublishedAsset> publishOne(
      RunContext run,
      String assetId,
      List<RenditionRecord> renditions,
      List<SegmentRecord> segments)
      throws InterruptedException {
    return Outcome.of(
        run,
        STAGE,
        assetId,
        null,
        attempt -> {
          run.hooks().beforePublish(attempt);
          return publish(run, assetId, renditions, segments);
        });
  }

  private static PublishedAsset publish(
      RunContext run,
      String assetId,
      List<RenditionRecord> renditions,
      List<SegmentRecord> segments)
      throws MediaException {
    HadoopStorage storage = new HadoopStorage(run.hadoopConf().get());
    String encodingId = renditions.get(0).encodingId();
    try (HostingStore hosting =
        HostingStores.forUri(run.hostingUri(), run.settings().s3(), storage)) {
      if (run.reuse() == Reuse.COMMITTED && alreadyPublished(hosting, assetId, encodingId)) {
        return new PublishedAsset(
            assetId,
            encodingId,
            hosting.uri(HostingLayout.stableMaster(assetId).path()),
            renditions.get(0).durationS(),
            renditions.size(),
            true,
            hosting.retriedRequests());
      }
      String master =
          new AssetPublisher(storage, hosting, run.settings().publish())
              .publish(assetId, encodingId, renditions, segments);
      return new PublishedAsset(
          assetId,
          encodingId,
          master,
          renditions.get(0).durationS(),
          renditions.size(),
          false,
          hosting.retriedRequests());
    } catch (IOException e) {
      throw new MediaException(
          MediaException.Kind.PUBLISH,
          "cannot read " + run.hostingUri() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The stable master is written last, after everything it references; if it already points into
   * this encoding, the whole encoding is live and publishing again would only rewrite the same
   * bytes.
   */
  static boolean alreadyPublished(HostingStore hosting, String assetId, String encodingId)
      throws IOException {
    return hosting
        .get(HostingLayout.stableMaster(assetId).path())
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .filter(master -> HostingLayout.stableMasterPointsInto(master, encodingId))
        .isPresent();
  }

  /**
   * Merges this run's assets into {hosting}/index.json (the player's list), newest entry per asset.
   */
  private void updateIndex(List<PublishedAsset> published) {
    HadoopStorage storage = new HadoopStorage(spark.sparkContext().hadoopConfiguration());
    HostingKey key = HostingLayout.index();
    try (HostingStore hosting =
        HostingStores.forUri(run.hostingUri(), run.settings().s3(), storage)) {
      String existing =
          hosting.get(key.path()).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
      hosting.put(
          key.path(),
          HostingIndex.merge(existing, published, run.settings().publish().indexMaxAssets())
              .getBytes(StandardCharsets.UTF_8),
          HostingStores.contentType(key),
          HostingStores.cacheControl(key, run.settings().publish()));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot update " + key.path() + " in " + run.hostingUri() + ": " + e.getMessage(), e);
    }
  }

  /** After everything is in place: the stable paths the CDN may still cache (off by default). */
  private void invalidateCdn(List<PublishedAsset> published) {
    CdnSpec cdn = run.settings().cdn();
    if (!cdn.invalidate() || published.isEmpty()) {
      return;
    }
    List<String> paths =
        CdnInvalidator.stablePaths(
            cdn, published.stream().map(PublishedAsset::assetId).sorted().toList());
    String id = CdnInvalidator.invalidate(cdn, paths, "hlsforge-" + run.runId());
    LOG.info(
        "CDN invalidation {} of {} stable paths in distribution {}",
        id,
        paths.size(),
        cdn.distributionId());
  }

  private static <T> List<T> toList(Iterable<T> items) {
    List<T> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }
}
