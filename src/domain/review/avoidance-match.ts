// Which expert of the pool an applicant's avoidance request (申请人要求回避的专家) names, when that is certain enough to
// record it as `ApplicantAvoidance.expertUserId`. A recorded match decides the conflict by account, and staff may then
// not dismiss it (canDismissConflict), so it must not be a guess:
// - the name must match exactly — the same characters, or the same spelling of one of the expert's names and listed
//   variants (刘洋 / "Liu Yang" when the profile lists it); a romanisation only (张伟 / Zhang Wei without the variant)
//   or initials are not enough;
// - when the applicant names an institution, it must be one the expert works or worked at (profile or history);
// - exactly one expert of the pool may fit; two namesakes leave the request unmatched.
// An unmatched request still counts: detectConflicts compares its name with every expert, and staff judge (and may
// dismiss) what a name alone finds.
import { sameInstitution, type AvoidanceRequest, type InstitutionRef } from './conflicts';
import { bestNameMatch } from './name-match';

export interface PoolExpert {
  userId: string;
  /** The account's name and the profile's `nameVariants`. */
  names: readonly string[];
  /** Where the expert works now and every recorded affiliation. */
  institutions: readonly InstitutionRef[];
}

/** The one pool expert the request names, or null when none or more than one fits. */
export function matchAvoidanceToPool(
  request: Pick<AvoidanceRequest, 'name' | 'institutionName'>,
  pool: readonly PoolExpert[],
): string | null {
  const name = request.name.trim();
  if (!name) return null;
  const institution = request.institutionName.trim();
  const fits = pool.filter((expert) => {
    if (bestNameMatch(expert.names, [name])?.strength !== 'exact') return false;
    if (!institution) return true;
    return expert.institutions.some((inst) => sameInstitution({ id: null, name: institution }, inst) !== null);
  });
  return fits.length === 1 ? fits[0]!.userId : null;
}
