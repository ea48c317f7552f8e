import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "What a synchronisation run did with the records it read" })
export class SyncCounts {
  @Field(() => Int, { description: "Records read from the documents (accepted or not)" }) fetched!: number;
  @Field(() => Int, { description: "New records, at version 1" }) created!: number;
  @Field(() => Int, { description: "Changed records, version + 1" }) updated!: number;
  @Field(() => Int, { description: "Records identical to what the hub holds: not written" }) unchanged!: number;
  @Field(() => Int, { description: "Records missing from a full snapshot: retired, never deleted" }) retired!: number;
  @Field(() => Int, { description: "Records sent to quarantine" }) rejected!: number;
}

@ObjectType({ description: "One synchronisation run of a connector (同步运行记录)" })
export class SyncRun {
  @Field(() => ID) id!: string;
  @Field() connector!: string;
  @Field({ description: "What started it: schedule, cli, push or startup" }) trigger!: string;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true, description: "Null while the run is under way" }) finishedAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: "Null while the run is under way; false when a document could not be fetched or read" })
  ok!: boolean | null;
  @Field(() => SyncCounts) counts!: SyncCounts;
  @Field(() => String, { nullable: true, description: "Why the run failed, document by document" }) error!: string | null;
}

@ObjectType({ description: "A department connector: its schedule, its last runs and how fresh its data is (数据接入状态)" })
export class ConnectorStatus {
  @Field({ description: "emergency, water, meteorology, natural-resources or transport" }) name!: string;
  @Field({ description: "Owning department code" }) department!: string;
  @Field({ description: "The department system the data comes from" }) sourceSystem!: string;
  @Field(() => Int, { description: "Seconds between scheduled pulls; 0: not scheduled (push and command line only)" }) schedule!: number;
  @Field(() => SyncRun, { nullable: true, description: "The latest run, finished or under way (for readers of SyncRun: ADMIN)" }) lastRun!: SyncRun | null;
  @Field(() => Date, { nullable: true, description: "When the latest run started" }) lastRunAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When the latest successful run finished" }) lastSuccessAt!: Date | null;
  @Field(() => Int, { nullable: true, description: "Seconds since the latest successful run finished" }) dataAgeSeconds!: number | null;
  @Field(() => Boolean, { nullable: true, description: "Whether the latest finished run succeeded" }) ok!: boolean | null;
  @Field({ description: "No successful run yet, or none within two intervals" }) stale!: boolean;
  @Field(() => SyncCounts, { nullable: true, description: "Counts of the latest finished run" }) lastCounts!: SyncCounts | null;
  @Field(() => String, { nullable: true, description: "Why the latest finished run failed" }) lastError!: string | null;
}

@ObjectType({ description: "A source record the hub refused, with the reason and the payload as received (隔离记录)" })
export class QuarantinedRecord {
  @Field(() => ID) id!: string;
  @Field() connector!: string;
  @Field(() => String, { nullable: true, description: "The run that received it" }) runId!: string | null;
  @Field(() => String, { nullable: true, description: "Its id in the source system, when it has one" }) sourceId!: string | null;
  @Field({ description: "Dataset, id, field and value at fault" }) reason!: string;
  @Field({ description: "The record as the department sent it (JSON)" }) payload!: string;
  @Field() receivedAt!: Date;
}
