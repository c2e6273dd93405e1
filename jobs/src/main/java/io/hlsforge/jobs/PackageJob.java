package io.hlsforge.jobs;

import io.hlsforge.manifest.FailureRecord;
import io.hlsforge.manifest.ManifestRows;
import io.hlsforge.manifest.ProbeRecord;
import io.hlsforge.manifest.RenditionRecord;
import io.hlsforge.manifest.SegmentRecord;
import io.hlsforge.media.MediaException;
import io.hlsforge.model.EncodedPackage;
import io.hlsforge.model.PackagedRendition;
import io.hlsforge.pack.AssetPackager;
import io.hlsforge.pack.EncoderVersion;
import io.hlsforge.pack.PackageOutcome;
import io.hlsforge.pack.PackageParts;
import io.hlsforge.plan.CommittedEncoding;
import io.hlsforge.plan.PackagePlan;
import io.hlsforge.plan.PackagePlanner;
import io.hlsforge.plan.PlanFailure;
import io.hlsforge.plan.ProbedAsset;
import io.hlsforge.plan.UnitBatches;
import io.hlsforge.plan.WorkUnit;
import io.hlsforge.run.Stage;
import io.hlsforge.run.StageTimes;
import io.hlsforge.run.WorkTime;
import io.hlsforge.spark.JobGroups;
import io.hlsforge.spark.ManifestStore;
import io.hlsforge.spark.Outcome;
import io.hlsforge.spark.PackageProgress;
import io.hlsforge.spark.RecordRows;
import io.hlsforge.spark.RunContext;
import io.hlsforge.spark.TaskSlots;
import io.hlsforge.storage.HadoopStorage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Stage 2: plans every probed asset on the driver (pure {@link PackagePlanner}), then runs one task
 * per work unit, largest first, each a thin shell around {@link AssetPackager}. Rendition and
 * segment rows reach the manifests only through Spark's writer.
 */
public final class PackageJob {
  public static final Stage STAGE = Stage.PACKAGE;

  private final RunContext run;
  private final SparkSession spark;
  private final InputScope scope;

  /**
   * @param scope package the probes of this run id only (as `run` does), or the latest probe of
   *     every asset
   */
  public PackageJob(RunContext run, SparkSession spark, InputScope scope) {
    this.run = run;
    this.spark = spark;
    this.scope = scope;
  }

  public PackageStageResult run() {
    long started = System.currentTimeMillis();
    JobGroups.enter(spark, STAGE, run, null);
    ManifestStore store = new ManifestStore(spark, run.outputUri());
    List<ProbedAsset> probes = probesToPackage(store);
    // Incremental: an encoding id already in the renditions table is committed work (same source
    // bytes, same renditions, same encoder), so its units are not run again unless --force.
    PackagePlan plan =
        new PackagePlanner(run.settings(), EncoderVersion.get(), run.hooks())
            .plan(probes, committedEncodings(store), run.reuse());
    List<WorkUnit> units = plan.units();

    RunContext ctx = run;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, Integer> unitsPerTitle = new HashMap<>();
    units.forEach(u -> unitsPerTitle.merge(u.asset().assetId(), 1, Integer::sum));
    int assets = unitsPerTitle.size();
    double totalSeconds = units.stream().mapToDouble(WorkUnit::progressSeconds).sum();
    PackageProgress progress =
        new PackageProgress(
            spark.sparkContext(), unitsPerTitle, totalSeconds, run.settings().progressLogSeconds());
    PackageProgress.Reporter reporter = progress.reporter();
    int slots =
        TaskSlots.of(spark.sparkContext().getConf(), spark.sparkContext().defaultParallelism());
    // Short units packed into cost-balanced batches, one per partition: a catalogue of clips pays
    // the per-task cost once per batch, not per clip; a title or chunk of more than a minute is a
    // task of its own. parallelize keeps order: task i's first unit is the i-th most expensive, so
    // a long title starts first and never becomes the straggler the night waits for.
    List<List<WorkUnit>> batches =
        UnitBatches.pack(
            units, TaskSlots.batches(units.size(), slots), TaskSlots.MAX_ITEMS_PER_TASK);
    JavaRDD<Outcome<PackageOutcome>> outcomes =
        jsc.parallelize(batches, Math.max(1, batches.size()))
            .flatMapToPair(
                batch -> {
                  List<Tuple2<Asset, Outcome<EncodedPackage>>> out = new ArrayList<>();
                  for (WorkUnit unit : batch) {
                    out.add(
                        new Tuple2<>(
                            new Asset(unit.asset().assetId(), unit.asset().sourceUri()),
                            packageOne(ctx, unit, reporter)));
                  }
                  return out.iterator();
                })
            // Joining an asset's parts is short: batched, so the manifests are a few files, not
            // one per title.
            .groupByKey(TaskSlots.batches(assets, slots))
            .map(parts -> joinParts(ctx, parts._1(), parts._2()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      WorkTime work = Outcome.totalTime(outcomes);
      long commitStarted = System.currentTimeMillis();
      JavaRDD<PackageOutcome> ok = outcomes.filter(Outcome::succeeded).map(Outcome::value);
      store.append(
          ManifestStore.SEGMENTS, SegmentRecord.class, ok.flatMap(o -> o.segments().iterator()));
      store.append(
          ManifestStore.RENDITIONS,
          RenditionRecord.class,
          ok.flatMap(o -> o.renditions().iterator()));
      // Written from the executors, never gathered on the driver: at a million titles the
      // failures of a bad night would not fit there.
      JavaRDD<FailureRecord> failed = outcomes.filter(o -> !o.succeeded()).map(Outcome::failure);
      store.append(
          ManifestStore.FAILURES,
          FailureRecord.class,
          jsc.parallelize(failureRows(plan.failures()), 1).union(failed));
      long failures = plan.failures().size() + failed.count();
      long commitMs = System.currentTimeMillis() - commitStarted;
      long succeeded = ok.count();
      double seconds =
          ok.mapToDouble(o -> o.renditions().get(0).durationS()).fold(0.0, Double::sum);
      StageReport report =
          new StageReport(
              STAGE,
              probes.size(),
              succeeded,
              plan.reused().size(),
              failures,
              seconds,
              started,
              System.currentTimeMillis(),
              0,
              new StageTimes(TaskSlots.used(spark, batches.size()), work, commitMs));
      return new PackageStageResult(report, plan.reused());
    } finally {
      progress.close();
      outcomes.unpersist(false);
    }
  }

  private static Set<CommittedEncoding> committedEncodings(ManifestStore store) {
    Set<CommittedEncoding> out = new HashSet<>();
    // Streamed a partition at a time: the driver holds the ids, never all rows at once as well.
    Iterator<Row> rows =
        store
            .read(ManifestStore.RENDITIONS, RenditionRecord.class)
            .select("asset_id", "encoding_id")
            .distinct()
            .toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      out.add(new CommittedEncoding(r.getString(0), r.getString(1)));
    }
    return out;
  }

  private List<ProbedAsset> probesToPackage(ManifestStore store) {
    Dataset<Row> probes = store.read(ManifestStore.PROBES, ProbeRecord.class);
    if (scope == InputScope.THIS_RUN) {
      probes = probes.filter(functions.col("run_id").equalTo(run.runId()));
    } else {
      probes =
          probes
              .withColumn(
                  "rank",
                  functions
                      .row_number()
                      .over(
                          Window.partitionBy("asset_id")
                              .orderBy(functions.col("probed_at_ms").desc())))
              .filter("rank = 1")
              .drop("rank");
    }
    RecordRows<ProbeRecord> rows = RecordRows.of(ProbeRecord.class);
    List<ProbedAsset> out = new ArrayList<>();
    Iterator<Row> probeRows = probes.toLocalIterator();
    while (probeRows.hasNext()) {
      out.add(rows.fromRow(probeRows.next()).toAsset());
    }
    return out;
  }

  private List<FailureRecord> failureRows(List<PlanFailure> planFailures) {
    List<FailureRecord> out = new ArrayList<>();
    for (PlanFailure f : planFailures) {
      // The planner's message already reads "Cannot plan asset '…': …".
      out.add(Outcome.failureRow(run, STAGE, f.assetId(), f.sourceUri(), f.reason(), f.message()));
    }
    return out;
  }

  /** ffmpeg threads: hlsforge.ffmpeg.threads, or (0) the cores Spark gave this task. */
  static int threads(RunContext run) {
    int configured = run.settings().ffmpegThreads();
    TaskContext task = TaskContext.get();
    return configured == 0 && task != null ? task.cpus() : configured;
  }

  /** An asset's package from its units' results: all parts joined, or the first part's failure. */
  static Outcome<PackageOutcome> joinParts(
      RunContext run, Asset asset, Iterable<Outcome<EncodedPackage>> parts)
      throws InterruptedException {
    List<EncodedPackage> ok = new ArrayList<>();
    FailureRecord failure = null;
    WorkTime encoding = WorkTime.ZERO;
    for (Outcome<EncodedPackage> part : parts) {
      encoding = encoding.plus(part.time());
      if (part.succeeded()) {
        ok.add(part.value());
      } else if (failure == null) {
        failure = part.failure();
      }
    }
    if (failure != null) {
      return Outcome.<PackageOutcome>failed(failure).plusTime(encoding);
    }
    return Outcome.of(
            run,
            STAGE,
            asset.id(),
            asset.sourceUri(),
            attempt -> {
              EncodedPackage pkg;
              try {
                pkg = PackageParts.merge(ok);
              } catch (IllegalArgumentException e) {
                throw new MediaException(MediaException.Kind.ENCODE_FAILED, e.getMessage(), e);
              }
              // The one place a package becomes manifest rows.
              return ManifestRows.toRows(
                  run.runId(), EncoderVersion.get(), System.currentTimeMillis(), pkg);
            })
        .plusTime(encoding);
  }

  /** The key that gathers an asset's units. */
  record Asset(String id, String sourceUri) implements Serializable {}

  static Outcome<EncodedPackage> packageOne(
      RunContext run, WorkUnit unit, PackageProgress.Reporter progress)
      throws InterruptedException {
    try {
      return packageOne(run, unit);
    } finally {
      progress.unitFinished(unit.asset().assetId(), unit.progressSeconds());
    }
  }

  /** One work unit's package, or its asset's failure row (the stage's per-asset boundary). */
  static Outcome<EncodedPackage> packageOne(RunContext run, WorkUnit unit)
      throws InterruptedException {
    ProbedAsset p = unit.asset();
    return Outcome.of(
        run,
        STAGE,
        p.assetId(),
        p.sourceUri(),
        attempt -> {
          run.hooks().beforeUnit(attempt);
          AssetPackager packager =
              new AssetPackager(
                  run.settings(), new HadoopStorage(run.hadoopConf().get()), run.outputUri());
          EncodedPackage outcome =
              packager.packagePart(
                  p.assetId(),
                  p.sourceUri(),
                  p.probe(),
                  unit.renditions(),
                  unit.encodingId(),
                  unit.chunk(),
                  threads(run));
          run.hooks()
              .afterUnitUploads(
                  attempt,
                  outcome.renditions().stream().mapToInt(PackagedRendition::segmentCount).sum());
          return outcome;
        });
  }
}
