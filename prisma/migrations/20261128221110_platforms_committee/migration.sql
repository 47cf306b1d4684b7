-- CreateEnum
CREATE TYPE "ApplicationKind" AS ENUM ('PROJECT', 'PLATFORM');

-- CreateEnum
CREATE TYPE "PlatformPartnerRole" AS ENUM ('CO_BUILDER', 'ENTERPRISE_PARTNER', 'CO_FUNDER');

-- CreateEnum
CREATE TYPE "PlatformStatus" AS ENUM ('ACTIVE', 'UNDER_EVALUATION', 'SUSPENDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "PlatformProjectStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "PlatformReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "SupportDecision" AS ENUM ('INCREASE', 'MAINTAIN', 'REDUCE', 'STOP');

-- CreateEnum
CREATE TYPE "PlatformEvaluationStatus" AS ENUM ('DRAFT', 'DECIDED');

-- CreateEnum
CREATE TYPE "CommitteeCategory" AS ENUM ('SCIENTIST', 'ENTREPRENEUR', 'INVESTOR');

-- CreateEnum
CREATE TYPE "CommitteePosition" AS ENUM ('CHAIR', 'VICE_CHAIR', 'MEMBER');

-- CreateEnum
CREATE TYPE "TopicSource" AS ENUM ('TOP_DOWN', 'BOTTOM_UP');

-- CreateEnum
CREATE TYPE "TopicForm" AS ENUM ('CALL', 'CHALLENGE');

-- CreateEnum
CREATE TYPE "TopicStatus" AS ENUM ('SUBMITTED', 'SCORING', 'SELECTED', 'REJECTED', 'CONVERTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "TopicScoreStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "StrategyMeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CLOSED');

-- CreateEnum
CREATE TYPE "ConsultationReportStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "topicProposalId" UUID;

-- AlterTable
ALTER TABLE "Challenge" ADD COLUMN     "topicProposalId" UUID;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "kind" "ApplicationKind" NOT NULL DEFAULT 'PROJECT';

-- CreateTable
CREATE TABLE "ApplicationYearBudget" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "source" "FundingSourceKind" NOT NULL,
    "amountFen" BIGINT NOT NULL,

    CONSTRAINT "ApplicationYearBudget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformPartner" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "platformId" UUID,
    "institutionId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "role" "PlatformPartnerRole" NOT NULL,
    "contribution" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "PlatformPartner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Platform" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "ProgramKind" NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "hostInstitutionId" UUID NOT NULL,
    "directorUserId" UUID NOT NULL,
    "establishedOn" DATE NOT NULL,
    "status" "PlatformStatus" NOT NULL DEFAULT 'ACTIVE',
    "currentGrade" "EvaluationGrade",
    "stableSupportFenPerYear" BIGINT NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Platform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformDirection" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "leadUserId" UUID,
    "leadName" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PlatformDirection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectManager" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "appointedOn" DATE NOT NULL,
    "endedOn" DATE,
    "remit" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ProjectManager_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformProject" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "projectManagerId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "leadName" TEXT NOT NULL,
    "leadUserId" UUID,
    "budgetFen" BIGINT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "status" "PlatformProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformAnnualReport" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "content" JSONB NOT NULL DEFAULT '{}',
    "fileId" UUID,
    "status" "PlatformReportStatus" NOT NULL DEFAULT 'DRAFT',
    "returnReason" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlatformAnnualReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformEvaluation" (
    "id" UUID NOT NULL,
    "platformId" UUID NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "panelMeetingId" UUID,
    "grade" "EvaluationGrade",
    "supportDecision" "SupportDecision",
    "nextPeriodFenPerYear" BIGINT,
    "nextPeriodYears" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT NOT NULL DEFAULT '',
    "status" "PlatformEvaluationStatus" NOT NULL DEFAULT 'DRAFT',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeTerm" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "scoreScaleMax" INTEGER NOT NULL DEFAULT 10,
    "minScoresToDecide" INTEGER NOT NULL DEFAULT 2,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitteeTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeMembership" (
    "id" UUID NOT NULL,
    "termId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "category" "CommitteeCategory" NOT NULL,
    "position" "CommitteePosition" NOT NULL DEFAULT 'MEMBER',
    "affiliation" TEXT NOT NULL DEFAULT '',
    "fromDate" DATE NOT NULL,
    "toDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CommitteeMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicProposal" (
    "id" UUID NOT NULL,
    "termId" UUID NOT NULL,
    "source" "TopicSource" NOT NULL,
    "proposerUserId" UUID NOT NULL,
    "proposerInstitutionId" UUID,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "fieldId" UUID,
    "disciplineCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "background" TEXT NOT NULL,
    "goals" TEXT NOT NULL,
    "expectedImpact" TEXT NOT NULL,
    "suggestedForm" "TopicForm" NOT NULL,
    "status" "TopicStatus" NOT NULL DEFAULT 'SUBMITTED',
    "scoreMeanCenti" INTEGER,
    "decisionNote" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TopicProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicScore" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "memberUserId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "status" "TopicScoreStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "TopicScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyMeeting" (
    "id" UUID NOT NULL,
    "termId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "agenda" JSONB NOT NULL DEFAULT '[]',
    "status" "StrategyMeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrategyMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyMeetingAttendee" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "attended" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "StrategyMeetingAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyMeetingMaterial" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrategyMeetingMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingOpinion" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "memberUserId" UUID NOT NULL,
    "topicProposalId" UUID,
    "body" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resolution" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "votesFor" INTEGER NOT NULL DEFAULT 0,
    "votesAgainst" INTEGER NOT NULL DEFAULT 0,
    "votesAbstain" INTEGER NOT NULL DEFAULT 0,
    "adopted" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Resolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationReport" (
    "id" UUID NOT NULL,
    "termId" UUID NOT NULL,
    "meetingId" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "fileId" UUID,
    "status" "ConsultationReportStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "authorId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConsultationReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationYearBudget_applicationId_year_source_key" ON "ApplicationYearBudget"("applicationId", "year", "source");

-- CreateIndex
CREATE INDEX "PlatformPartner_platformId_idx" ON "PlatformPartner"("platformId");

-- CreateIndex
CREATE INDEX "PlatformPartner_institutionId_idx" ON "PlatformPartner"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformPartner_applicationId_institutionId_key" ON "PlatformPartner"("applicationId", "institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "Platform_projectId_key" ON "Platform"("projectId");

-- CreateIndex
CREATE INDEX "Platform_kind_status_idx" ON "Platform"("kind", "status");

-- CreateIndex
CREATE INDEX "Platform_hostInstitutionId_idx" ON "Platform"("hostInstitutionId");

-- CreateIndex
CREATE INDEX "Platform_directorUserId_idx" ON "Platform"("directorUserId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformDirection_platformId_ordinal_key" ON "PlatformDirection"("platformId", "ordinal");

-- CreateIndex
CREATE INDEX "ProjectManager_platformId_idx" ON "ProjectManager"("platformId");

-- CreateIndex
CREATE INDEX "ProjectManager_userId_idx" ON "ProjectManager"("userId");

-- CreateIndex
CREATE INDEX "PlatformProject_platformId_status_idx" ON "PlatformProject"("platformId", "status");

-- CreateIndex
CREATE INDEX "PlatformProject_projectManagerId_idx" ON "PlatformProject"("projectManagerId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformAnnualReport_platformId_year_key" ON "PlatformAnnualReport"("platformId", "year");

-- CreateIndex
CREATE INDEX "PlatformEvaluation_platformId_status_idx" ON "PlatformEvaluation"("platformId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeTerm_name_key" ON "CommitteeTerm"("name");

-- CreateIndex
CREATE INDEX "CommitteeMembership_userId_idx" ON "CommitteeMembership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeMembership_termId_userId_key" ON "CommitteeMembership"("termId", "userId");

-- CreateIndex
CREATE INDEX "TopicProposal_termId_status_idx" ON "TopicProposal"("termId", "status");

-- CreateIndex
CREATE INDEX "TopicProposal_proposerUserId_idx" ON "TopicProposal"("proposerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "TopicScore_proposalId_memberUserId_key" ON "TopicScore"("proposalId", "memberUserId");

-- CreateIndex
CREATE INDEX "StrategyMeeting_termId_year_idx" ON "StrategyMeeting"("termId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyMeetingAttendee_meetingId_userId_key" ON "StrategyMeetingAttendee"("meetingId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyMeetingMaterial_meetingId_fileId_key" ON "StrategyMeetingMaterial"("meetingId", "fileId");

-- CreateIndex
CREATE INDEX "MeetingOpinion_meetingId_idx" ON "MeetingOpinion"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Resolution_meetingId_ordinal_key" ON "Resolution"("meetingId", "ordinal");

-- CreateIndex
CREATE INDEX "ConsultationReport_termId_status_idx" ON "ConsultationReport"("termId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Call_topicProposalId_key" ON "Call"("topicProposalId");

-- CreateIndex
CREATE UNIQUE INDEX "Challenge_topicProposalId_key" ON "Challenge"("topicProposalId");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_topicProposalId_fkey" FOREIGN KEY ("topicProposalId") REFERENCES "TopicProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_topicProposalId_fkey" FOREIGN KEY ("topicProposalId") REFERENCES "TopicProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationYearBudget" ADD CONSTRAINT "ApplicationYearBudget_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformPartner" ADD CONSTRAINT "PlatformPartner_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformPartner" ADD CONSTRAINT "PlatformPartner_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformPartner" ADD CONSTRAINT "PlatformPartner_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Platform" ADD CONSTRAINT "Platform_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Platform" ADD CONSTRAINT "Platform_hostInstitutionId_fkey" FOREIGN KEY ("hostInstitutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Platform" ADD CONSTRAINT "Platform_directorUserId_fkey" FOREIGN KEY ("directorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformDirection" ADD CONSTRAINT "PlatformDirection_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectManager" ADD CONSTRAINT "ProjectManager_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectManager" ADD CONSTRAINT "ProjectManager_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformProject" ADD CONSTRAINT "PlatformProject_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformProject" ADD CONSTRAINT "PlatformProject_projectManagerId_fkey" FOREIGN KEY ("projectManagerId") REFERENCES "ProjectManager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformAnnualReport" ADD CONSTRAINT "PlatformAnnualReport_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformAnnualReport" ADD CONSTRAINT "PlatformAnnualReport_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformEvaluation" ADD CONSTRAINT "PlatformEvaluation_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformEvaluation" ADD CONSTRAINT "PlatformEvaluation_panelMeetingId_fkey" FOREIGN KEY ("panelMeetingId") REFERENCES "PanelMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMembership" ADD CONSTRAINT "CommitteeMembership_termId_fkey" FOREIGN KEY ("termId") REFERENCES "CommitteeTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMembership" ADD CONSTRAINT "CommitteeMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicProposal" ADD CONSTRAINT "TopicProposal_termId_fkey" FOREIGN KEY ("termId") REFERENCES "CommitteeTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicProposal" ADD CONSTRAINT "TopicProposal_proposerUserId_fkey" FOREIGN KEY ("proposerUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicProposal" ADD CONSTRAINT "TopicProposal_proposerInstitutionId_fkey" FOREIGN KEY ("proposerInstitutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicProposal" ADD CONSTRAINT "TopicProposal_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "ChallengeField"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicScore" ADD CONSTRAINT "TopicScore_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "TopicProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicScore" ADD CONSTRAINT "TopicScore_memberUserId_fkey" FOREIGN KEY ("memberUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyMeeting" ADD CONSTRAINT "StrategyMeeting_termId_fkey" FOREIGN KEY ("termId") REFERENCES "CommitteeTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyMeetingAttendee" ADD CONSTRAINT "StrategyMeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "StrategyMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyMeetingAttendee" ADD CONSTRAINT "StrategyMeetingAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyMeetingMaterial" ADD CONSTRAINT "StrategyMeetingMaterial_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "StrategyMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyMeetingMaterial" ADD CONSTRAINT "StrategyMeetingMaterial_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingOpinion" ADD CONSTRAINT "MeetingOpinion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "StrategyMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingOpinion" ADD CONSTRAINT "MeetingOpinion_memberUserId_fkey" FOREIGN KEY ("memberUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingOpinion" ADD CONSTRAINT "MeetingOpinion_topicProposalId_fkey" FOREIGN KEY ("topicProposalId") REFERENCES "TopicProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "StrategyMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationReport" ADD CONSTRAINT "ConsultationReport_termId_fkey" FOREIGN KEY ("termId") REFERENCES "CommitteeTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationReport" ADD CONSTRAINT "ConsultationReport_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "StrategyMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationReport" ADD CONSTRAINT "ConsultationReport_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Raw SQL the schema language cannot say (the drift test sets these aside by name, tests/integration/migrations.test.ts)
-- A person manages a platform's projects once at a time: one open appointment per platform and person.
CREATE UNIQUE INDEX "ProjectManager_one_open_per_person" ON "ProjectManager"("platformId", "userId") WHERE "endedOn" IS NULL;
-- One evaluation in preparation per platform at a time.
CREATE UNIQUE INDEX "PlatformEvaluation_one_draft_per_platform" ON "PlatformEvaluation"("platformId") WHERE "status" = 'DRAFT';
ALTER TABLE "ApplicationYearBudget" ADD CONSTRAINT "ApplicationYearBudget_amount_nonnegative" CHECK ("amountFen" >= 0);
ALTER TABLE "PlatformProject" ADD CONSTRAINT "PlatformProject_budget_nonnegative" CHECK ("budgetFen" >= 0);
ALTER TABLE "Platform" ADD CONSTRAINT "Platform_support_nonnegative" CHECK ("stableSupportFenPerYear" >= 0);
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_votes_nonnegative" CHECK ("votesFor" >= 0 AND "votesAgainst" >= 0 AND "votesAbstain" >= 0);
