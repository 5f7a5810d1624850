import { organisationRoute } from "@/components/public/organisation-route";

const route = organisationRoute("methodology");
export const generateMetadata = route.generateMetadata;
export default route.Page;
