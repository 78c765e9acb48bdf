-- AlterEnum
ALTER TYPE "MandateOccasion" ADD VALUE 'PHASE_RULE';

