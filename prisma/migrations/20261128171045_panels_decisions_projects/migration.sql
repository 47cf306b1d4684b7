-- CreateEnum
CREATE TYPE "PanelMeetingStatus" AS ENUM ('PLANNED', 'IN_SESSION', 'CLOSED');

-- CreateEnum
CREATE TYPE "PanelMemberRole" AS ENUM ('CHAIR', 'MEMBER');

-- CreateEnum
CREATE TYPE "PanelItemStatus" AS ENUM ('PENDING', 'IN_PROGRESS', 'VOTED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "PanelItemResult" AS ENUM ('PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "PanelVoteChoice" AS ENUM ('FOR', 'AGAINST', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('FUND', 'WAITLIST', 'REJECT');

-- CreateEnum
CREATE TYPE "DecisionRoute" AS ENUM ('RANKING', 'NON_CONSENSUS');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'IN_NOTICE', 'FINAL', 'REVISED');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('FILED', 'UNDER_REVIEW', 'UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('TASK_BOOK_DRAFT', 'TASK_BOOK_CONFIRMED', 'ACTIVE', 'MIDTERM_REVIEW', 'SUSPENDED', 'ACCEPTANCE', 'CLOSED', 'CUT', 'TERMINATED');

-- CreateEnum
CREATE TYPE "TaskBookStatus" AS ENUM ('DRAFT', 'CONFIRMED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "KpiAttainment" AS ENUM ('NOT_ASSESSED', 'MET', 'PARTLY_MET', 'NOT_MET');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PENDING', 'REACHED', 'MISSED');

-- CreateEnum
CREATE TYPE "TrancheStatus" AS ENUM ('PLANNED', 'APPROVED', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ExpenditureMode" AS ENUM ('LINE_ITEM', 'SIMPLIFIED');

-- CreateEnum
CREATE TYPE "ExpenditureStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'INSTITUTION_SIGNED', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "CheckKind" AS ENUM ('ANNUAL', 'MIDTERM');

-- CreateEnum
CREATE TYPE "CheckOutcome" AS ENUM ('CONTINUE', 'ADJUST', 'SUSPEND', 'TERMINATE', 'CUT');

-- CreateEnum
CREATE TYPE "CheckStatus" AS ENUM ('OPEN', 'SUBMITTED', 'ASSESSED');

-- CreateEnum
CREATE TYPE "RaceRoundStatus" AS ENUM ('OPEN', 'DECIDED');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('EXTENSION', 'PI_CHANGE', 'MEMBER_CHANGE', 'BUDGET_REALLOCATION');

-- CreateEnum
CREATE TYPE "ChangeStatus" AS ENUM ('REQUESTED', 'INSTITUTION_APPROVED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AcceptanceStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'DECIDED');

-- CreateEnum
CREATE TYPE "AcceptanceResult" AS ENUM ('PASSED', 'PASSED_WITH_CONDITIONS', 'FAILED', 'DEFERRED');

-- CreateEnum
CREATE TYPE "EvaluationCategory" AS ENUM ('BASIC', 'APPLIED', 'HUMANITIES', 'PLATFORM');

-- CreateEnum
CREATE TYPE "EvaluationGrade" AS ENUM ('EXCELLENT', 'GOOD', 'PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "LongCycleStatus" AS ENUM ('SCHEDULED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MentorStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "MentoringKind" AS ENUM ('MEETING', 'SITE_VISIT', 'CALL', 'MILESTONE_OPINION');

-- CreateTable
CREATE TABLE "PanelMeeting" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "location" TEXT,
    "onlineUrl" TEXT,
    "passRuleBp" INTEGER NOT NULL,
    "status" "PanelMeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PanelMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelMember" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "PanelMemberRole" NOT NULL DEFAULT 'MEMBER',
    "attended" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelAgendaItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "reviewRank" INTEGER,
    "reviewScore" DECIMAL(7,3),
    "defenceAt" TIMESTAMPTZ(3),
    "excludedUserIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "status" "PanelItemStatus" NOT NULL DEFAULT 'PENDING',
    "result" "PanelItemResult",
    "tally" JSONB,
    "votedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PanelAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelVote" (
    "id" UUID NOT NULL,
    "agendaItemId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "vote" "PanelVoteChoice" NOT NULL,
    "score" DECIMAL(6,2),
    "comment" TEXT,
    "castAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelMinutes" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PanelMinutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "route" "DecisionRoute" NOT NULL DEFAULT 'RANKING',
    "awardedFiscalFen" BIGINT,
    "conditions" TEXT,
    "reasons" TEXT NOT NULL,
    "status" "DecisionStatus" NOT NULL DEFAULT 'DRAFT',
    "supersedesId" UUID,
    "noticeId" UUID,
    "decidedById" UUID NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "finalAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NonConsensusApproval" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "flagId" UUID NOT NULL,
    "nominatingExpertIds" UUID[],
    "justification" TEXT NOT NULL,
    "creditSnapshot" JSONB NOT NULL,
    "proposedById" UUID NOT NULL,
    "approverId" UUID NOT NULL,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NonConsensusApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "workingDays" INTEGER NOT NULL,
    "startsOn" DATE,
    "endsOn" DATE,
    "status" "NoticeStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeItem" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "applicationCode" TEXT NOT NULL,
    "projectTitle" TEXT NOT NULL,
    "piName" TEXT NOT NULL,
    "institutionName" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" UUID NOT NULL,
    "noticeItemId" UUID NOT NULL,
    "filerName" TEXT NOT NULL,
    "filerPhone" TEXT NOT NULL DEFAULT '',
    "filerEmail" TEXT NOT NULL DEFAULT '',
    "filerUserId" UUID,
    "content" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'FILED',
    "handledById" UUID,
    "handlingNote" TEXT,
    "revisedDecisionId" UUID,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "challengeId" UUID,
    "piUserId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "budgetMode" "BudgetMode" NOT NULL,
    "awardedFiscalFen" BIGINT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'TASK_BOOK_DRAFT',
    "terminatedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMember" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "userId" UUID,
    "name" TEXT NOT NULL,
    "memberRole" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProjectMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskBook" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "status" "TaskBookStatus" NOT NULL DEFAULT 'DRAFT',
    "piConfirmedAt" TIMESTAMPTZ(3),
    "institutionConfirmedById" UUID,
    "institutionConfirmedAt" TIMESTAMPTZ(3),
    "commissionConfirmedById" UUID,
    "commissionConfirmedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TaskBook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectKpi" (
    "id" UUID NOT NULL,
    "taskBookId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "challengeTargetId" UUID,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "comparator" "TargetComparator" NOT NULL,
    "targetValue" TEXT NOT NULL,
    "acceptanceMethod" TEXT NOT NULL,
    "attainedValue" TEXT,
    "attainment" "KpiAttainment" NOT NULL DEFAULT 'NOT_ASSESSED',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProjectKpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" UUID NOT NULL,
    "taskBookId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "isRaceCut" BOOLEAN NOT NULL DEFAULT false,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PENDING',
    "reachedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetPlan" (
    "id" UUID NOT NULL,
    "taskBookId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "source" "FundingSourceKind" NOT NULL,
    "sourceInstitutionId" UUID,
    "categoryCode" TEXT,
    "amountFen" BIGINT NOT NULL,

    CONSTRAINT "BudgetPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tranche" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "source" "FundingSourceKind" NOT NULL,
    "sourceInstitutionId" UUID,
    "ordinal" INTEGER NOT NULL,
    "plannedDate" DATE NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "status" "TrancheStatus" NOT NULL DEFAULT 'PLANNED',
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "paidById" UUID,
    "paidAt" TIMESTAMPTZ(3),
    "paymentReference" TEXT,
    "cancelledReason" TEXT,
    "reallocatedToProjectId" UUID,
    "reallocatedFromId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Tranche_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpenditureReport" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "mode" "ExpenditureMode" NOT NULL,
    "totalSpentFen" BIGINT NOT NULL,
    "statement" TEXT,
    "isFinal" BOOLEAN NOT NULL DEFAULT false,
    "status" "ExpenditureStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "institutionSignedById" UUID,
    "institutionSignedAt" TIMESTAMPTZ(3),
    "acceptedById" UUID,
    "acceptedAt" TIMESTAMPTZ(3),
    "returnReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExpenditureReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpenditureLine" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "source" "FundingSourceKind" NOT NULL,
    "sourceInstitutionId" UUID,
    "amountFen" BIGINT NOT NULL,

    CONSTRAINT "ExpenditureLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MidtermCheck" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "CheckKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "milestoneId" UUID,
    "progress" JSONB,
    "score" DECIMAL(6,2),
    "assessment" TEXT,
    "assessedById" UUID,
    "assessedAt" TIMESTAMPTZ(3),
    "outcome" "CheckOutcome",
    "raceRoundId" UUID,
    "raceRank" INTEGER,
    "status" "CheckStatus" NOT NULL DEFAULT 'OPEN',
    "submittedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MidtermCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HorseRaceRound" (
    "id" UUID NOT NULL,
    "challengeId" UUID NOT NULL,
    "milestoneKey" TEXT NOT NULL,
    "keepCount" INTEGER NOT NULL,
    "status" "RaceRoundStatus" NOT NULL DEFAULT 'OPEN',
    "ranking" JSONB,
    "reallocation" JSONB,
    "justification" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HorseRaceRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectChange" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ChangeStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" UUID NOT NULL,
    "institutionDecidedById" UUID,
    "institutionComment" TEXT,
    "institutionDecidedAt" TIMESTAMPTZ(3),
    "commissionDecidedById" UUID,
    "commissionComment" TEXT,
    "commissionDecidedAt" TIMESTAMPTZ(3),
    "appliedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProjectChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalAcceptance" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "finalReport" TEXT NOT NULL,
    "kpiAttainment" JSONB NOT NULL,
    "expertOpinion" TEXT,
    "result" "AcceptanceResult",
    "status" "AcceptanceStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FinalAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectOutput" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "workId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectOutput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PerformanceEvaluation" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "category" "EvaluationCategory" NOT NULL,
    "grade" "EvaluationGrade" NOT NULL,
    "indicators" JSONB NOT NULL DEFAULT '[]',
    "teamAssessment" TEXT NOT NULL,
    "individualAssessment" TEXT NOT NULL,
    "international" BOOLEAN NOT NULL DEFAULT false,
    "evaluatedById" UUID NOT NULL,
    "evaluatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PerformanceEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LongCycleEvaluation" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "scheduledFor" DATE NOT NULL,
    "status" "LongCycleStatus" NOT NULL DEFAULT 'SCHEDULED',
    "international" BOOLEAN NOT NULL DEFAULT false,
    "findings" TEXT,
    "grade" "EvaluationGrade",
    "evaluatedById" UUID,
    "evaluatedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LongCycleEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorAssignment" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "expertUserId" UUID NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE,
    "status" "MentorStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MentorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringLogEntry" (
    "id" UUID NOT NULL,
    "mentorAssignmentId" UUID NOT NULL,
    "occurredOn" DATE NOT NULL,
    "kind" "MentoringKind" NOT NULL,
    "milestoneId" UUID,
    "body" TEXT NOT NULL,
    "visibleToPi" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentoringLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PanelMeeting_callId_status_idx" ON "PanelMeeting"("callId", "status");

-- CreateIndex
CREATE INDEX "PanelMember_userId_idx" ON "PanelMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelMember_meetingId_userId_key" ON "PanelMember"("meetingId", "userId");

-- CreateIndex
CREATE INDEX "PanelAgendaItem_applicationId_idx" ON "PanelAgendaItem"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelAgendaItem_meetingId_applicationId_key" ON "PanelAgendaItem"("meetingId", "applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelVote_agendaItemId_memberId_key" ON "PanelVote"("agendaItemId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelMinutes_meetingId_key" ON "PanelMinutes"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_supersedesId_key" ON "Decision"("supersedesId");

-- CreateIndex
CREATE INDEX "Decision_callId_status_idx" ON "Decision"("callId", "status");

-- CreateIndex
CREATE INDEX "Decision_applicationId_idx" ON "Decision"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "NonConsensusApproval_decisionId_key" ON "NonConsensusApproval"("decisionId");

-- CreateIndex
CREATE INDEX "Notice_status_publishedAt_idx" ON "Notice"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Notice_callId_idx" ON "Notice"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeItem_decisionId_key" ON "NoticeItem"("decisionId");

-- CreateIndex
CREATE INDEX "NoticeItem_noticeId_idx" ON "NoticeItem"("noticeId");

-- CreateIndex
CREATE INDEX "Objection_status_filedAt_idx" ON "Objection"("status", "filedAt");

-- CreateIndex
CREATE INDEX "Objection_noticeItemId_idx" ON "Objection"("noticeItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Project_applicationId_key" ON "Project"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_decisionId_key" ON "Project"("decisionId");

-- CreateIndex
CREATE INDEX "Project_status_idx" ON "Project"("status");

-- CreateIndex
CREATE INDEX "Project_institutionId_status_idx" ON "Project"("institutionId", "status");

-- CreateIndex
CREATE INDEX "Project_piUserId_idx" ON "Project"("piUserId");

-- CreateIndex
CREATE INDEX "Project_challengeId_idx" ON "Project"("challengeId");

-- CreateIndex
CREATE INDEX "Project_programId_status_idx" ON "Project"("programId", "status");

-- CreateIndex
CREATE INDEX "ProjectMember_projectId_idx" ON "ProjectMember"("projectId");

-- CreateIndex
CREATE INDEX "ProjectMember_userId_idx" ON "ProjectMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskBook_projectId_number_key" ON "TaskBook"("projectId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectKpi_taskBookId_ordinal_key" ON "ProjectKpi"("taskBookId", "ordinal");

-- CreateIndex
CREATE INDEX "ProjectMilestone_dueDate_status_idx" ON "ProjectMilestone"("dueDate", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMilestone_taskBookId_key_key" ON "ProjectMilestone"("taskBookId", "key");

-- CreateIndex
CREATE INDEX "BudgetPlan_taskBookId_idx" ON "BudgetPlan"("taskBookId");

-- CreateIndex
CREATE INDEX "Tranche_status_plannedDate_idx" ON "Tranche"("status", "plannedDate");

-- CreateIndex
CREATE INDEX "Tranche_sourceInstitutionId_status_idx" ON "Tranche"("sourceInstitutionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Tranche_projectId_source_sourceInstitutionId_ordinal_key" ON "Tranche"("projectId", "source", "sourceInstitutionId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenditureReport_projectId_year_key" ON "ExpenditureReport"("projectId", "year");

-- CreateIndex
CREATE INDEX "ExpenditureLine_reportId_idx" ON "ExpenditureLine"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "MidtermCheck_projectId_kind_year_key" ON "MidtermCheck"("projectId", "kind", "year");

-- CreateIndex
CREATE UNIQUE INDEX "HorseRaceRound_challengeId_milestoneKey_key" ON "HorseRaceRound"("challengeId", "milestoneKey");

-- CreateIndex
CREATE INDEX "ProjectChange_projectId_status_idx" ON "ProjectChange"("projectId", "status");

-- CreateIndex
CREATE INDEX "ProjectChange_status_idx" ON "ProjectChange"("status");

-- CreateIndex
CREATE UNIQUE INDEX "FinalAcceptance_projectId_key" ON "FinalAcceptance"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectOutput_projectId_workId_key" ON "ProjectOutput"("projectId", "workId");

-- CreateIndex
CREATE INDEX "PerformanceEvaluation_projectId_idx" ON "PerformanceEvaluation"("projectId");

-- CreateIndex
CREATE INDEX "LongCycleEvaluation_status_scheduledFor_idx" ON "LongCycleEvaluation"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "LongCycleEvaluation_projectId_idx" ON "LongCycleEvaluation"("projectId");

-- CreateIndex
CREATE INDEX "MentorAssignment_expertUserId_status_idx" ON "MentorAssignment"("expertUserId", "status");

-- CreateIndex
CREATE INDEX "MentorAssignment_projectId_idx" ON "MentorAssignment"("projectId");

-- CreateIndex
CREATE INDEX "MentoringLogEntry_mentorAssignmentId_occurredOn_idx" ON "MentoringLogEntry"("mentorAssignmentId", "occurredOn");

-- AddForeignKey
ALTER TABLE "PanelMeeting" ADD CONSTRAINT "PanelMeeting_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PanelMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMember" ADD CONSTRAINT "PanelMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelAgendaItem" ADD CONSTRAINT "PanelAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PanelMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelAgendaItem" ADD CONSTRAINT "PanelAgendaItem_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelVote" ADD CONSTRAINT "PanelVote_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "PanelAgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelVote" ADD CONSTRAINT "PanelVote_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "PanelMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelMinutes" ADD CONSTRAINT "PanelMinutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PanelMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NonConsensusApproval" ADD CONSTRAINT "NonConsensusApproval_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NonConsensusApproval" ADD CONSTRAINT "NonConsensusApproval_flagId_fkey" FOREIGN KEY ("flagId") REFERENCES "NonConsensusFlag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeItem" ADD CONSTRAINT "NoticeItem_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeItem" ADD CONSTRAINT "NoticeItem_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_noticeItemId_fkey" FOREIGN KEY ("noticeItemId") REFERENCES "NoticeItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_revisedDecisionId_fkey" FOREIGN KEY ("revisedDecisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_piUserId_fkey" FOREIGN KEY ("piUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskBook" ADD CONSTRAINT "TaskBook_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectKpi" ADD CONSTRAINT "ProjectKpi_taskBookId_fkey" FOREIGN KEY ("taskBookId") REFERENCES "TaskBook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectKpi" ADD CONSTRAINT "ProjectKpi_challengeTargetId_fkey" FOREIGN KEY ("challengeTargetId") REFERENCES "ChallengeTarget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_taskBookId_fkey" FOREIGN KEY ("taskBookId") REFERENCES "TaskBook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetPlan" ADD CONSTRAINT "BudgetPlan_taskBookId_fkey" FOREIGN KEY ("taskBookId") REFERENCES "TaskBook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetPlan" ADD CONSTRAINT "BudgetPlan_sourceInstitutionId_fkey" FOREIGN KEY ("sourceInstitutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_sourceInstitutionId_fkey" FOREIGN KEY ("sourceInstitutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_reallocatedToProjectId_fkey" FOREIGN KEY ("reallocatedToProjectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpenditureReport" ADD CONSTRAINT "ExpenditureReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpenditureLine" ADD CONSTRAINT "ExpenditureLine_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ExpenditureReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MidtermCheck" ADD CONSTRAINT "MidtermCheck_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MidtermCheck" ADD CONSTRAINT "MidtermCheck_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "ProjectMilestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MidtermCheck" ADD CONSTRAINT "MidtermCheck_raceRoundId_fkey" FOREIGN KEY ("raceRoundId") REFERENCES "HorseRaceRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HorseRaceRound" ADD CONSTRAINT "HorseRaceRound_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectChange" ADD CONSTRAINT "ProjectChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalAcceptance" ADD CONSTRAINT "FinalAcceptance_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOutput" ADD CONSTRAINT "ProjectOutput_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOutput" ADD CONSTRAINT "ProjectOutput_workId_fkey" FOREIGN KEY ("workId") REFERENCES "RepresentativeWork"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerformanceEvaluation" ADD CONSTRAINT "PerformanceEvaluation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LongCycleEvaluation" ADD CONSTRAINT "LongCycleEvaluation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorAssignment" ADD CONSTRAINT "MentorAssignment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorAssignment" ADD CONSTRAINT "MentorAssignment_expertUserId_fkey" FOREIGN KEY ("expertUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringLogEntry" ADD CONSTRAINT "MentoringLogEntry_mentorAssignmentId_fkey" FOREIGN KEY ("mentorAssignmentId") REFERENCES "MentorAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringLogEntry" ADD CONSTRAINT "MentoringLogEntry_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "ProjectMilestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Raw SQL that Prisma cannot express (DATA-MODEL §2.10, §2.12) ───

-- One live decision per application: an upheld objection marks the old one REVISED and a new one supersedes it.
CREATE UNIQUE INDEX "Decision_one_live_per_application" ON "Decision"("applicationId") WHERE "status" <> 'REVISED';

-- One confirmed task book per project.
CREATE UNIQUE INDEX "TaskBook_one_confirmed_per_project" ON "TaskBook"("projectId") WHERE "status" = 'CONFIRMED';

-- One budget row per year, payer and category, where fiscal rows and lump sums have NULLs that must still collide.
CREATE UNIQUE INDEX "BudgetPlan_year_payer_category_key" ON "BudgetPlan"("taskBookId", "year", "source", "sourceInstitutionId", "categoryCode") NULLS NOT DISTINCT;

-- Fiscal tranches have no source institution: the tranche key must treat that NULL as a value.
DROP INDEX "Tranche_projectId_source_sourceInstitutionId_ordinal_key";
CREATE UNIQUE INDEX "Tranche_projectId_source_sourceInstitutionId_ordinal_key" ON "Tranche"("projectId", "source", "sourceInstitutionId", "ordinal") NULLS NOT DISTINCT;

-- One active responsible expert (护航) per project.
CREATE UNIQUE INDEX "MentorAssignment_one_active_per_project" ON "MentorAssignment"("projectId") WHERE "status" = 'ACTIVE';

-- Money is never negative.
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "BudgetPlan" ADD CONSTRAINT "BudgetPlan_amount_nonnegative" CHECK ("amountFen" >= 0);
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_award_nonnegative" CHECK ("awardedFiscalFen" IS NULL OR "awardedFiscalFen" >= 0);
