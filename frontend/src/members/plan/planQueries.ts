import { graphql } from '../../gql';

export const PlanMemberQuery = graphql(`
  query PlanMember($id: ID!) {
    member(id: $id) {
      id
      displayName
      aftercarePlans(first: 100) { nodes { id status startsOn reviewOn reviewDue createdAt activatedAt closedAt } }
    }
  }
`);

export const PlanGoalFields = graphql(`
  fragment PlanGoalFields on AftercareGoal {
    id category description targetDate status
  }
`);

export const PlanCommitmentFields = graphql(`
  fragment PlanCommitmentFields on AftercareCommitment {
    id kind description targetPerWeek
    group { id name }
    house { id name }
    peer { id name }
  }
`);

export const PlanDetailQuery = graphql(`
  query PlanDetail($id: ID!) {
    aftercarePlan(id: $id) {
      id
      status
      goals { ...PlanGoalFields }
      commitments { ...PlanCommitmentFields }
      adherence(weeks: 8) {
        commitment { id }
        weeks { weekStart attended target met }
      }
    }
  }
`);

export const PlanCheckInsQuery = graphql(`
  query PlanCheckIns($id: ID!, $first: Int!, $after: String) {
    aftercarePlan(id: $id) {
      id
      checkIns(first: $first, after: $after) {
        nodes { id occurredOn abstinent craving copingSkills note }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }
`);

export const RecoveryCapitalQuery = graphql(`
  query RecoveryCapital($id: ID!) {
    member(id: $id) {
      id
      recoveryCapital { id total sustainedRemissionLikely assessedAt }
    }
  }
`);

export const GroupPickerQuery = graphql(`
  query GroupPicker {
    groups(first: 100) { nodes { id name } }
  }
`);

export const HousePickerQuery = graphql(`
  query HousePicker {
    houses(first: 100) { nodes { id name } }
  }
`);

export const PeerPickerQuery = graphql(`
  query PeerPicker {
    peers(first: 100, filter: { active: true }) { nodes { id name } }
  }
`);

export const CreatePlanMutation = graphql(`
  mutation CreateAftercarePlan($input: CreateAftercarePlanInput!) {
    createAftercarePlan(input: $input) {
      aftercarePlan { id status }
      userErrors { field message code }
    }
  }
`);

export const ActivatePlanMutation = graphql(`
  mutation ActivateAftercarePlan($input: AftercarePlanStatusInput!) {
    activateAftercarePlan(input: $input) {
      aftercarePlan { id status activatedAt }
      userErrors { field message code }
    }
  }
`);

export const CompletePlanMutation = graphql(`
  mutation CompleteAftercarePlan($input: AftercarePlanStatusInput!) {
    completeAftercarePlan(input: $input) {
      aftercarePlan { id status closedAt }
      userErrors { field message code }
    }
  }
`);

export const AddGoalMutation = graphql(`
  mutation AddAftercareGoal($input: AddAftercareGoalInput!) {
    addAftercareGoal(input: $input) {
      aftercareGoal { ...PlanGoalFields }
      userErrors { field message code }
    }
  }
`);

export const UpdateGoalMutation = graphql(`
  mutation UpdateAftercareGoal($input: UpdateAftercareGoalInput!) {
    updateAftercareGoal(input: $input) {
      aftercareGoal { ...PlanGoalFields }
      userErrors { field message code }
    }
  }
`);

export const AddCommitmentMutation = graphql(`
  mutation AddAftercareCommitment($input: AddAftercareCommitmentInput!) {
    addAftercareCommitment(input: $input) {
      aftercareCommitment { ...PlanCommitmentFields }
      userErrors { field message code }
    }
  }
`);

export const RemoveCommitmentMutation = graphql(`
  mutation RemoveAftercareCommitment($input: RemoveAftercareCommitmentInput!) {
    removeAftercareCommitment(input: $input) {
      aftercareCommitment { id removedAt }
      userErrors { field message code }
    }
  }
`);

export const RecordCheckInMutation = graphql(`
  mutation PlanRecordCheckIn($input: RecordCheckInInput!) {
    recordCheckIn(input: $input) {
      checkIn { id occurredOn abstinent craving }
      userErrors { field message code }
    }
  }
`);

export const RecordRecoveryCapitalMutation = graphql(`
  mutation RecordRecoveryCapital($input: RecordRecoveryCapitalInput!) {
    recordRecoveryCapital(input: $input) {
      recoveryCapitalAssessment { id total sustainedRemissionLikely assessedAt }
      userErrors { field message code }
    }
  }
`);
