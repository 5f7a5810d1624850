import { organisationRoute } from "@/components/public/organisation-route";

const route = organisationRoute("about");
export const generateMetadata = route.generateMetadata;
export default route.Page;
