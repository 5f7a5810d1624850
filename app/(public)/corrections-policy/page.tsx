import { organisationRoute } from "@/components/public/organisation-route";

const route = organisationRoute("corrections-policy");
export const generateMetadata = route.generateMetadata;
export default route.Page;
