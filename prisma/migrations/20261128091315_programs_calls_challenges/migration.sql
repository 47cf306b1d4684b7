-- CreateEnum
CREATE TYPE "TaxonomyKind" AS ENUM ('CHALLENGE_FIELD', 'EXPENDITURE_CATEGORY');

-- CreateEnum
CREATE TYPE "ProgramKind" AS ENUM ('GENERAL', 'KEY_CHALLENGE', 'EXCELLENT_YOUNG', 'LAB_BASIC', 'LAB_APPLIED', 'LAB_HUMANITIES', 'ADVANCED_INNOVATION_CENTER', 'RESEARCH_CENTER', 'HUMANITIES_SOCIAL_CENTER', 'PHILOSOPHY_SOCIAL_INNOVATION_CENTER', 'THREE_CITIES_PLATFORM');

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'REVIEWING', 'DECIDED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ChallengeStatus" AS ENUM ('DRAFT', 'PROPOSED', 'UNDER_REVIEW', 'PUBLISHED', 'CLOSED', 'AWARDED', 'UNAWARDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SelectionMode" AS ENUM ('SINGLE', 'HORSE_RACE');

-- CreateEnum
CREATE TYPE "TargetComparator" AS ENUM ('GTE', 'LTE', 'EQ', 'RANGE');

-- CreateEnum
CREATE TYPE "FundingSourceKind" AS ENUM ('FISCAL', 'ENTERPRISE', 'INSTITUTION');

-- CreateEnum
CREATE TYPE "PledgeStatus" AS ENUM ('PLEDGED', 'CONFIRMED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "TaxonomyEdition" (
    "id" UUID NOT NULL,
    "taxonomy" "TaxonomyKind" NOT NULL,
    "source" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "current" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaxonomyEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeField" (
    "id" UUID NOT NULL,
    "editionId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "ChallengeField_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpenditureCategory" (
    "id" UUID NOT NULL,
    "editionId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "isIndirect" BOOLEAN NOT NULL DEFAULT false,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "ExpenditureCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "ProgramKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "currentRuleVersionId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramRuleVersion" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Call" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "ruleVersionId" UUID,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "guide" TEXT NOT NULL DEFAULT '',
    "guideEn" TEXT NOT NULL DEFAULT '',
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "institutionReviewClosesAt" TIMESTAMPTZ(3),
    "plannedAwards" INTEGER,
    "fiscalEnvelopeFen" BIGINT,
    "status" "CallStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionQuota" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "maxRecommended" INTEGER NOT NULL,

    CONSTRAINT "InstitutionQuota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" UUID NOT NULL,
    "callId" UUID,
    "issuerInstitutionId" UUID,
    "proposedById" UUID NOT NULL,
    "fieldId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "problem" TEXT NOT NULL,
    "problemEn" TEXT NOT NULL DEFAULT '',
    "deliverables" JSONB NOT NULL,
    "durationMonths" INTEGER NOT NULL,
    "fiscalFen" BIGINT NOT NULL,
    "totalFundingFen" BIGINT NOT NULL DEFAULT 0,
    "selectionMode" "SelectionMode" NOT NULL DEFAULT 'SINGLE',
    "teamCount" INTEGER NOT NULL DEFAULT 1,
    "cutAfterMonths" INTEGER,
    "keepAfterCut" INTEGER,
    "chiefScientistRequirements" TEXT NOT NULL DEFAULT '',
    "chiefScientistRequirementsEn" TEXT NOT NULL DEFAULT '',
    "status" "ChallengeStatus" NOT NULL DEFAULT 'DRAFT',
    "returnReason" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeTarget" (
    "id" UUID NOT NULL,
    "challengeId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL,
    "comparator" "TargetComparator" NOT NULL,
    "targetValue" TEXT NOT NULL,
    "targetMin" TEXT,
    "targetMax" TEXT,
    "acceptanceMethod" TEXT NOT NULL,
    "acceptanceMethodEn" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ChallengeTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoFundingPledge" (
    "id" UUID NOT NULL,
    "challengeId" UUID NOT NULL,
    "source" "FundingSourceKind" NOT NULL,
    "sourceInstitutionId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "status" "PledgeStatus" NOT NULL DEFAULT 'PLEDGED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoFundingPledge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TaxonomyEdition_taxonomy_edition_key" ON "TaxonomyEdition"("taxonomy", "edition");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeField_editionId_code_key" ON "ChallengeField"("editionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenditureCategory_editionId_code_key" ON "ExpenditureCategory"("editionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Program_code_key" ON "Program"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Program_currentRuleVersionId_key" ON "Program"("currentRuleVersionId");

-- CreateIndex
CREATE INDEX "Program_kind_idx" ON "Program"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramRuleVersion_programId_number_key" ON "ProgramRuleVersion"("programId", "number");

-- CreateIndex
CREATE INDEX "Call_status_closesAt_idx" ON "Call"("status", "closesAt");

-- CreateIndex
CREATE INDEX "Call_programId_year_idx" ON "Call"("programId", "year");

-- CreateIndex
CREATE INDEX "InstitutionQuota_institutionId_idx" ON "InstitutionQuota"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionQuota_callId_institutionId_key" ON "InstitutionQuota"("callId", "institutionId");

-- CreateIndex
CREATE INDEX "Challenge_status_fieldId_idx" ON "Challenge"("status", "fieldId");

-- CreateIndex
CREATE INDEX "Challenge_status_publishedAt_idx" ON "Challenge"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Challenge_status_totalFundingFen_idx" ON "Challenge"("status", "totalFundingFen");

-- CreateIndex
CREATE INDEX "Challenge_callId_idx" ON "Challenge"("callId");

-- CreateIndex
CREATE INDEX "Challenge_issuerInstitutionId_status_idx" ON "Challenge"("issuerInstitutionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeTarget_challengeId_ordinal_key" ON "ChallengeTarget"("challengeId", "ordinal");

-- CreateIndex
CREATE INDEX "CoFundingPledge_challengeId_status_idx" ON "CoFundingPledge"("challengeId", "status");

-- AddForeignKey
ALTER TABLE "ChallengeField" ADD CONSTRAINT "ChallengeField_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "TaxonomyEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpenditureCategory" ADD CONSTRAINT "ExpenditureCategory_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "TaxonomyEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_currentRuleVersionId_fkey" FOREIGN KEY ("currentRuleVersionId") REFERENCES "ProgramRuleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramRuleVersion" ADD CONSTRAINT "ProgramRuleVersion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramRuleVersion" ADD CONSTRAINT "ProgramRuleVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_ruleVersionId_fkey" FOREIGN KEY ("ruleVersionId") REFERENCES "ProgramRuleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionQuota" ADD CONSTRAINT "InstitutionQuota_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionQuota" ADD CONSTRAINT "InstitutionQuota_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_issuerInstitutionId_fkey" FOREIGN KEY ("issuerInstitutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "ChallengeField"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeTarget" ADD CONSTRAINT "ChallengeTarget_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoFundingPledge" ADD CONSTRAINT "CoFundingPledge_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoFundingPledge" ADD CONSTRAINT "CoFundingPledge_sourceInstitutionId_fkey" FOREIGN KEY ("sourceInstitutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
